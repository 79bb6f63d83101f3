using System.Globalization;

namespace ClaudBot.Intents.Tests.Matching;

/// <summary>
/// Reads <c>Matching/phrases.txt</c>: one <c>phrase =&gt; expected</c> per line (expected as
/// <see cref="MatchRendering"/> writes it), <c>#</c> comments and blank lines ignored. A phrase may use
/// <c>\t</c>, <c>\n</c> and <c>\s</c> (a space, for leading or trailing ones), <c>&lt;empty&gt;</c> for the empty
/// string, and <c>&lt;long:N&gt;</c> for N characters of an otherwise valid request.
/// </summary>
internal static class PhraseTable
{
    private const string Separator = " => ";
    private const string LongPrefix = "<long:";

    public static string Location => Path.Combine(AppContext.BaseDirectory, "Matching", "phrases.txt");

    public static TheoryData<int, string, string> Load()
    {
        var rows = new TheoryData<int, string, string>();
        foreach (var (line, phrase, expected) in Rows())
        {
            rows.Add(line, phrase, expected);
        }

        return rows;
    }

    public static IEnumerable<(int Line, string Phrase, string Expected)> Rows()
    {
        int number = 0;
        foreach (string text in File.ReadLines(Location))
        {
            number++;
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            int separator = text.IndexOf(Separator, StringComparison.Ordinal);
            if (separator < 0)
            {
                throw new FormatException($"phrases.txt line {number}: no '{Separator.Trim()}' between the phrase and what it should match.");
            }

            yield return (number, text[..separator].Trim(), text[(separator + Separator.Length)..].Trim());
        }
    }

    /// <summary>The text a row's phrase stands for.</summary>
    public static string Expand(string phrase)
    {
        if (phrase == "<empty>")
        {
            return string.Empty;
        }

        if (phrase.StartsWith(LongPrefix, StringComparison.Ordinal) && phrase.EndsWith('>'))
        {
            int length = int.Parse(phrase[LongPrefix.Length..^1], CultureInfo.InvariantCulture);
            return string.Concat(Enumerable.Repeat("start the cluster please ", (length / 25) + 1))[..length];
        }

        return phrase.Replace(@"\t", "\t", StringComparison.Ordinal)
            .Replace(@"\n", "\n", StringComparison.Ordinal)
            .Replace(@"\s", " ", StringComparison.Ordinal);
    }

    /// <summary>Whether a row's expectation describes a match the bot may act on at once.</summary>
    public static bool IsActionable(string expected) =>
        expected != "-"
        && !expected.EndsWith(" error", StringComparison.Ordinal)
        && !expected.Contains(" missing=", StringComparison.Ordinal)
        && !expected.Contains(" alternatives=", StringComparison.Ordinal);
}
