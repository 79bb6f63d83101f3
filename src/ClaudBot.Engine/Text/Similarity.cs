namespace ClaudBot.Engine.Text;

/// <summary>Edit distance and "did you mean" suggestions for names typed by people.</summary>
public static class Similarity
{
    /// <summary>Levenshtein distance, case-insensitive (ASCII).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        Span<int> previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            char ca = char.ToUpperInvariant(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = ca == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// Candidates close to <paramref name="input"/>, best first: within an edit distance that grows with
    /// the length of the input, or sharing a prefix of at least three characters.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string input, IEnumerable<string> candidates, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(input);
        int allowed = Math.Max(1, input.Length / 3);
        return [.. candidates
            .Select(c => (Name: c, Distance: Distance(input, c), Prefix: SharesPrefix(input, c)))
            .Where(c => c.Distance <= allowed || c.Prefix)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)];
    }

    private static bool SharesPrefix(string input, string candidate) =>
        input.Length >= 3 && candidate.StartsWith(input, StringComparison.OrdinalIgnoreCase);
}
