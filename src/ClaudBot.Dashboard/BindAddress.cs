using System.Net;

namespace ClaudBot.Dashboard;

/// <summary>Whether a listen URL stays on this machine.</summary>
public static class BindAddress
{
    /// <summary>
    /// True for <c>localhost</c> and loopback IPs (127.0.0.0/8, ::1). Wildcards (<c>*</c>, <c>+</c>,
    /// <c>0.0.0.0</c>, <c>[::]</c>) and host names are not: they may be reachable from the network.
    /// </summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Kestrel accepts wildcard hosts that Uri does not parse; they listen everywhere.
        string text = url.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
