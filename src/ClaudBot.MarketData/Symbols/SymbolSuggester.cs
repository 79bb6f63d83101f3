using ClaudBot.Engine.Text;

namespace ClaudBot.MarketData.Symbols;

/// <summary>
/// Finds known names close to a mistyped one: by edit distance (ignoring <c>&amp; - .</c>, so
/// <c>BAJAJAUTO</c> finds <c>BAJAJ-AUTO</c>) and by prefix or containment (<c>RELIANC</c>, <c>TATA</c>).
/// </summary>
internal static class SymbolSuggester
{
    /// <summary>Every candidate close to <paramref name="input"/>, best first.</summary>
    public static IEnumerable<string> Suggest(string input, IEnumerable<string> candidates)
    {
        string key = Compact(input);
        int maxDistance = key.Length <= 3 ? 1 : key.Length <= 6 ? 2 : 3;
        return candidates
            .Select(name => (Name: name, Key: Compact(name)))
            .Select(c => (c.Name, Distance: Similarity.Distance(key, c.Key), Related: IsRelated(key, c.Key)))
            .Where(c => c.Distance <= maxDistance || c.Related)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Related ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name);
    }

    // Prefix either way (RELIANC / RELIANCE, HDFCB / HDFC) or containment of three or more characters (TATA).
    private static bool IsRelated(string key, string candidate) =>
        key.Length > 0 && candidate.Length > 0
        && (candidate.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(candidate, StringComparison.Ordinal)
            || (key.Length >= 3 && candidate.Contains(key, StringComparison.Ordinal))
            || (candidate.Length >= 3 && key.Contains(candidate, StringComparison.Ordinal)));

    private static string Compact(string name) => string.Concat(name.Where(char.IsAsciiLetterOrDigit));
}
