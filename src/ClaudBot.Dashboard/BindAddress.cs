using System.Net;
using ClaudBot.Cluster;

namespace ClaudBot.Dashboard;

/// <summary>Whether a listen URL, or a request's Host, stays on this machine.</summary>
public static class BindAddress
{
    /// <summary>
    /// True when every URL of <paramref name="urls"/> (one URL, or Kestrel's <c>;</c>-separated list) is
    /// <c>localhost</c> or a loopback IP (127.0.0.0/8, ::1). Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>,
    /// <c>[::]</c>) and host names are not: they may be reachable from the network. Checking only the first
    /// URL of a list would let <c>http://127.0.0.1:1/;http://0.0.0.0:2</c> listen everywhere.
    /// </summary>
    public static bool IsLoopback(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        string[] each = ListenUrls.Split(urls);
        return each.Length > 0 && Array.TrueForAll(each, IsOneLoopback);
    }

    /// <summary>
    /// True for a Host header naming this machine: <c>localhost</c> or a loopback IP, with or without a port.
    /// A page on another name that resolves to 127.0.0.1 (DNS rebinding) still sends its own name.
    /// </summary>
    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host) || !Uri.TryCreate("http://" + host, UriKind.Absolute, out var uri)
            || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        return IsLoopbackName(uri.Host);
    }

    private static bool IsOneLoopback(string url)
    {
        // Kestrel accepts wildcard hosts that Uri does not parse; they listen everywhere.
        string text = url.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsLoopbackName(uri.Host);
    }

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
