namespace ClaudBot.Testing.FakeMarket;

/// <summary>An answer of the fake site.</summary>
internal sealed record FakeResponse(int Status, string ContentType, byte[] Body, int? RetryAfterSeconds = null, bool Truncate = false)
{
    public static FakeResponse Json(int status, byte[] body) => new(status, "application/json;charset=utf-8", body);

    public static FakeResponse Text(int status, string body) => new(status, "text/html", System.Text.Encoding.UTF8.GetBytes(body));

    public static string Reason(int status) => status switch
    {
        200 => "OK",
        404 => "Not Found",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
