using System.Text.Json;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// <c>sources.json</c> in the user's store: each symbol's <see cref="SymbolSource"/>, for <c>claudbot data</c>. Written
/// like the bar files (beside, then renamed); a missing or unreadable file reads as empty, since it only labels rows.
/// </summary>
internal static class SourceFile
{
    public const string FileName = "sources.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static Dictionary<string, SymbolSource> Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        try
        {
            return File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, SymbolSource>>(File.ReadAllText(path), Json) ?? []
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static void Write(string directory, IReadOnlyDictionary<string, SymbolSource> sources)
    {
        string path = Path.Combine(directory, FileName);
        string partial = path + "." + Guid.NewGuid().ToString("N") + CanonicalCsv.PartialSuffix;
        try
        {
            var sorted = new SortedDictionary<string, SymbolSource>(sources.ToDictionary(), StringComparer.Ordinal);
            File.WriteAllText(partial, JsonSerializer.Serialize(sorted, Json));
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
