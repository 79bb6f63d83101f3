namespace ClaudBot.Engine.Text;

/// <summary>Edit distance and "did you mean" suggestions for names typed by people.</summary>
public static class Similarity
{
    /// <summary>
    /// Edit distance, case-insensitive (ASCII): insertions, deletions, substitutions and swaps of two
    /// neighbouring letters each cost 1 (optimal string alignment), since "strat" for "start" is one slip.
    /// </summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int width = b.Length + 1;
        Span<int> rows = width * 3 <= 384 ? stackalloc int[width * 3] : new int[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (int j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            char ca = char.ToUpperInvariant(a[i - 1]);
            for (int j = 1; j <= b.Length; j++)
            {
                char cb = char.ToUpperInvariant(b[j - 1]);
                int best = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1 && j > 1 && ca == char.ToUpperInvariant(b[j - 2]) && char.ToUpperInvariant(a[i - 2]) == cb)
                {
                    best = Math.Min(best, beforePrevious[j - 2] + 1);
                }

                current[j] = best;
            }

            previous.CopyTo(beforePrevious);
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
