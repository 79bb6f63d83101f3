using ClaudBot.Cluster;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Targets.Local;

/// <summary>Where a client on this machine reaches the local node's API, from the node's <c>Dashboard:Url</c>.</summary>
internal static class NodeApiAddress
{
    /// <summary>
    /// The first URL of <paramref name="dashboardUrl"/> (one URL or a <c>;</c>-separated list), with a wildcard
    /// host (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c>: the node listens everywhere, with a token) turned
    /// into 127.0.0.1, which reaches it from this machine.
    /// </summary>
    /// <exception cref="ClusterTargetException">The setting names no usable http(s) URL.</exception>
    public static Uri From(string dashboardUrl)
    {
        string first = ListenUrls.First(dashboardUrl) ?? throw Invalid(dashboardUrl);

        // Kestrel takes wildcard hosts that Uri does not parse.
        string text = first.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw Invalid(dashboardUrl);
        }

        var url = new UriBuilder(parsed);
        if (url.Host is "0.0.0.0" or "[::]" or "::")
        {
            url.Host = "127.0.0.1";
        }

        return url.Uri;
    }

    private static ClusterTargetException Invalid(string dashboardUrl) =>
        new($"Dashboard:Url '{dashboardUrl}' names no http:// or https:// URL to reach the node's API (e.g. http://127.0.0.1:3000).");
}
