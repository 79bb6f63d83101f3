using System.Text;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// Turns what a user typed into words to match: lower case, contractions opened, punctuation around
/// words dropped (but kept inside them, so <c>2020-01-01</c>, <c>rsi(period=10)</c> and <c>M&amp;M</c>
/// survive), filler words removed. Each word keeps its original text for the slot parsers. A written rule in the
/// phrase is one token, kept exactly as typed.
/// </summary>
internal static class TextNormalizer
{
    private static readonly char[] EdgePunctuation = ['?', '!', '.', ',', ';', ':', '"', '\'', '`'];

    public static string Word(string text) => text.Trim().Trim(EdgePunctuation).ToLowerInvariant();

    /// <summary>
    /// The word a written rule is compared as: one token for the whole rule (<see cref="RuleSpan"/>), which no pattern
    /// word can equal or be a typo of (none starts with '&lt;'), so only a slot can take it.
    /// </summary>
    public const string RuleWord = "<rule>";

    public static IReadOnlyList<Token> Tokenize(string text, IReadOnlySet<string> fillers)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (RuleSpan.Find(text) is not { } span)
        {
            return Words(text, fillers);
        }

        var (start, length) = span;
        var tokens = new List<Token>(Words(text[..start], fillers)) { new(text.Substring(start, length), RuleWord) };
        tokens.AddRange(Words(text[(start + length)..], fillers));
        return tokens;
    }

    private static List<Token> Words(string text, IReadOnlySet<string> fillers)
    {
        var tokens = new List<Token>();
        foreach (string raw in Expand(text).Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            string word = Word(raw);
            if (word.Length > 0 && !fillers.Contains(word))
            {
                tokens.Add(new Token(raw.Trim().TrimEnd('?', '!', '.', ';'), word));
            }
        }

        return tokens;
    }

    private static string Expand(string text)
    {
        var expanded = new StringBuilder(text.Length + 8);
        foreach (string part in text.Replace('’', '\'').Split(' '))
        {
            string lower = part.ToLowerInvariant();
            expanded.Append(lower switch
            {
                "what's" or "how's" or "where's" or "who's" or "that's" or "it's" => part[..^2] + " is",
                "can't" => "can not",
                "don't" => "do not",
                "i'd" => "i would",
                _ => part,
            }).Append(' ');
        }

        return expanded.ToString();
    }
}

/// <summary>A word as typed (<see cref="Text"/>) and as compared (<see cref="Word"/>).</summary>
internal readonly record struct Token(string Text, string Word);
