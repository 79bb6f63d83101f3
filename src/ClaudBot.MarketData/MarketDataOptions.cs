using System.ComponentModel.DataAnnotations;

namespace ClaudBot.MarketData;

/// <summary>
/// Settings of the <c>MarketData</c> configuration section. The apps copy <c>data/</c> next to their
/// binaries, so the default relative <see cref="Directory"/> works without configuration.
/// </summary>
public sealed class MarketDataOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "MarketData";

    /// <summary>
    /// Folder of the <c>SYMBOL.csv</c> files and <c>aliases.csv</c>. Default <c>data</c>; a relative
    /// path resolves against <see cref="AppContext.BaseDirectory"/>, an absolute one is used as is.
    /// Must exist.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "data";

    /// <summary>
    /// Folder of the user's own data (imported or updated: <c>claudbot data import</c>, <c>claudbot data update</c>), one
    /// canonical <c>SYMBOL.csv</c> per symbol, layered over <see cref="Directory"/>: a symbol here wins. Default null: none
    /// (the home sets it to <c>&lt;data&gt;/market</c>). Need not exist until something is imported.
    /// </summary>
    public string? UserDirectory { get; set; }

    /// <summary>
    /// Folder of the binary bar cache. Default null: <c>.cache</c> inside the data directory. Relative
    /// paths resolve like <see cref="Directory"/>. When it cannot be written the store warns once and
    /// carries on without a cache.
    /// </summary>
    public string? CacheDirectory { get; set; }

    /// <summary>
    /// Default for loads that do not say: false (strict) rejects a file with any bad row; true skips
    /// bad rows and reports how many. Default false.
    /// </summary>
    public bool Lenient { get; set; }

    /// <summary>
    /// Whether loads use the binary cache and the in-process memo. Default true; false parses the
    /// CSV on every load.
    /// </summary>
    public bool UseCache { get; set; } = true;

    /// <summary>The absolute data directory.</summary>
    public string ResolveDirectory() => Absolute(Directory);

    /// <summary>The absolute user data directory, or null when none is set.</summary>
    public string? ResolveUserDirectory() => string.IsNullOrWhiteSpace(UserDirectory) ? null : Absolute(UserDirectory);

    /// <summary>The absolute cache directory.</summary>
    public string ResolveCacheDirectory() =>
        string.IsNullOrWhiteSpace(CacheDirectory) ? Path.Combine(ResolveDirectory(), ".cache") : Absolute(CacheDirectory);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            yield break;
        }

        string resolved = ResolveDirectory();
        if (!System.IO.Directory.Exists(resolved))
        {
            yield return new ValidationResult(
                $"The market data directory '{Directory}' (resolved to '{resolved}') does not exist.",
                [nameof(Directory)]);
        }
    }

    private static string Absolute(string path) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path));
}
