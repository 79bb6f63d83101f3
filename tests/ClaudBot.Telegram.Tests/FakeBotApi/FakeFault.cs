namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>A fault to answer a call with instead of the real result.</summary>
/// <param name="AfterProcessing">Only for <see cref="FaultKind.DropConnection"/>: the call takes effect (a message is
/// stored) before the connection drops, so a client that retries sends a duplicate.</param>
public sealed record FakeFault(
    FaultKind Kind,
    int ErrorCode = 0,
    string? Description = null,
    int? RetryAfter = null,
    bool AfterProcessing = false)
{
    public static FakeFault BadGateway() => new(FaultKind.BadGateway, 502, "502 Bad Gateway");

    public static FakeFault ApiError(int errorCode, string description, int? retryAfter = null) =>
        new(FaultKind.ApiError, errorCode, description, retryAfter);

    public static FakeFault TooManyRequests(int retryAfterSeconds) =>
        ApiError(429, $"Too Many Requests: retry after {retryAfterSeconds}", retryAfterSeconds);

    public static FakeFault DropConnection(bool afterProcessing = false) =>
        new(FaultKind.DropConnection, AfterProcessing: afterProcessing);

    public override string ToString() => Kind switch
    {
        FaultKind.BadGateway => "fault 502 Bad Gateway",
        FaultKind.ApiError => $"fault {ErrorCode} {Description}",
        _ => AfterProcessing ? "fault dropped connection after processing" : "fault dropped connection",
    };
}
