using ClaudBot.Engine.Text;

namespace ClaudBot.Intents.Slots;

/// <summary>Forgiving one slip in a name (a letter wrong, missing, extra or two swapped), only when the name is long enough to be unambiguous.</summary>
internal static class Corrections
{
    /// <summary>The one candidate within a slip of <paramref name="typed"/>, or null (none, several, or the word is too short).</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string word = typed.Trim().ToLowerInvariant();
        if (word.Length < 5 || word.Contains('(', StringComparison.Ordinal))
        {
            return null;
        }

        var close = candidates.Where(c => c.Length >= 5 && !c.Equals(word, StringComparison.OrdinalIgnoreCase) && Similarity.Distance(word, c) == 1).Take(2).ToList();
        return close.Count == 1 ? close[0] : null;
    }

    /// <summary>The suggestion shown for a correction, the same wording as for mistyped keywords.</summary>
    public static string ReadAs(string typed, string meant) => $"Read \"{typed.Trim().ToLowerInvariant()}\" as \"{meant}\".";
}
