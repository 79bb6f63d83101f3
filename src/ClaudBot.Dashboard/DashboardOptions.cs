using System.ComponentModel.DataAnnotations;

namespace ClaudBot.Dashboard;

/// <summary>The dashboard served by the driver (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Whether the driver serves the dashboard at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Kestrel listens. Default <c>http://127.0.0.1:3000</c>; a non-loopback address needs <see cref="Token"/>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Dashboard:Url must name an address, e.g. http://127.0.0.1:3000.")]
    public string Url { get; set; } = "http://127.0.0.1:3000";

    /// <summary>
    /// The shared secret clients present (<c>Authorization: Bearer</c> or the <c>claudbot_token</c> cookie).
    /// Empty: no check, allowed only on a loopback address. At least <see cref="MinTokenLength"/> characters
    /// (e.g. <c>openssl rand -hex 16</c>). Never logged.
    /// </summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>The shortest token accepted: 16 characters, 64 bits even as hex digits.</summary>
    public const int MinTokenLength = 16;

    /// <summary>Largest request body accepted, in bytes. Default 64 KB.</summary>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "Dashboard:MaxRequestBytes must be between 1024 and 16777216.")]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Most /ws clients at once; one more gets 503. Default 64.</summary>
    [Range(1, 4096, ErrorMessage = "Dashboard:MaxLiveClients must be between 1 and 4096.")]
    public int MaxLiveClients { get; set; } = 64;

    /// <summary>Most <c>POST /login</c> attempts per client address per minute; more get 429 with Retry-After. Default 10.</summary>
    [Range(1, 10000, ErrorMessage = "Dashboard:LoginAttemptsPerMinute must be between 1 and 10000.")]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>True when a token is configured, so /api and /ws require it.</summary>
    public bool RequiresToken => !string.IsNullOrEmpty(Token);
}
