using System.ComponentModel.DataAnnotations;

namespace ClaudBot.Intents;

/// <summary>Where the intent catalogue is (section <c>Intents</c>).</summary>
public sealed class IntentOptions
{
    public const string Section = "Intents";

    /// <summary>The catalogue file; a relative path is taken from the program's folder (the build copies <c>intents/</c> there).</summary>
    [Required]
    public string CatalogFile { get; set; } = Path.Combine("intents", "intent_patterns.yaml");

    public string ResolveCatalogFile() => Path.GetFullPath(CatalogFile, AppContext.BaseDirectory);
}
