namespace ClaudBot.Cluster;

/// <summary>
/// A listen-URL setting such as <c>Dashboard:Url</c>: one URL, or ASP.NET Core's <c>urls</c> list
/// (<c>;</c>-separated, e.g. <c>http://127.0.0.1:3000;http://[::1]:3000</c>). The node listens on all of
/// them; a client reaching the node needs one base address, and takes the first.
/// </summary>
public static class ListenUrls
{
    /// <summary>The URLs of the list, trimmed, empty entries left out.</summary>
    public static string[] Split(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The first URL of the list, or null when it names none.</summary>
    public static string? First(string urls) => Split(urls) is [var first, ..] ? first : null;
}
