namespace ClaudBot.MarketData.Update;

/// <summary>The HttpClient the updater asks the sources with.</summary>
internal static class UpdateHttp
{
    // Yahoo answers a bare client with 429 and NSE's archive with 403: they expect a browser.
    private const string BrowserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 ClaudBot";

    public static HttpClient Create()
    {
        // Each request has its own timeout (UpdateOptions.Timeout); the client's would cut a Retry-After wait short.
        var http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserAgent);
        http.DefaultRequestHeaders.Accept.ParseAdd("*/*");
        return http;
    }

    /// <summary>A source's configured address as a folder, so a path resolves under it ("http://host/base" + "x" is "http://host/base/x").</summary>
    public static Uri Folder(Uri root) => root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
}
