using System.Text;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// Turns what a user typed into words to match: lower case, contractions opened, punctuation around
/// words dropped (but kept inside them, so <c>2020-01-01</c>, <c>rsi(period=10)</c> and <c>M&amp;M</c>
/// survive), filler words removed. Each word keeps its original text for the slot parsers.
/// </summary>
internal static class TextNormalizer
{
    private static readonly char[] EdgePunctuation = ['?', '!', '.', ',', ';', ':', '"', '\'', '`'];

    public static string Word(string text) => text.Trim().Trim(EdgePunctuation).ToLowerInvariant();

    public static IReadOnlyList<Token> Tokenize(string text, IReadOnlySet<string> fillers)
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
