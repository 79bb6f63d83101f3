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
    /// Empty: no check, allowed only on a loopback address. Never logged.
    /// </summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>Largest request body accepted, in bytes. Default 64 KB.</summary>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "Dashboard:MaxRequestBytes must be between 1024 and 16777216.")]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>True when a token is configured, so /api and /ws require it.</summary>
    public bool RequiresToken => !string.IsNullOrEmpty(Token);
}
