using System.ComponentModel.DataAnnotations;

namespace ClaudBot.MarketData.Update;

/// <summary>Settings of the <c>MarketData:Update</c> section: where the sources answer and how politely they are asked.</summary>
public sealed class UpdateOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "MarketData:Update";

    /// <summary>Yahoo Finance's API host. Default <c>https://query1.finance.yahoo.com</c>.</summary>
    [Required]
    public Uri YahooUrl { get; set; } = new("https://query1.finance.yahoo.com");

    /// <summary>NSE's archive host. Default <c>https://nsearchives.nseindia.com</c>.</summary>
    [Required]
    public Uri NseUrl { get; set; } = new("https://nsearchives.nseindia.com");

    /// <summary>The least time between the starts of two requests (one request at a time). Default 0.5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Tries per request, the first included, on 429, 5xx, a timeout or a cut-off body. Default 5.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The longest wait honoured from a Retry-After header (longer ones are cut to this). Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
