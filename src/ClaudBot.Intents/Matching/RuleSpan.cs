using System.Text.RegularExpressions;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// Where a written rule sits in a phrase (<c>backtest buy when rsi(2) &lt; 10, sell when rsi(2) &gt; 70 on TCS last 3
/// years</c>): from "buy when", "buy if", "hold while" or "long while" up to the first "on", "for", "over" or "with"
/// outside parentheses, or the end. The rule language has none of those four words, so the first one can only start
/// the symbols; taking the first (not the last) also keeps "on TCS over the last 3 years" out of the rule.
/// The matcher reads the span as one word, so the rule's own symbols and its "and"/"or"/"then" never reach the
/// normaliser, the fillers or the list separators.
/// </summary>
internal static partial class RuleSpan
{
    /// <summary>The rule's start and length in <paramref name="text"/>, or null when the phrase holds no rule.</summary>
    public static (int Start, int Length)? Find(string text)
    {
        if (Engine.Rules.Syntax.RuleParser.FindStart(text) is not { } start)
        {
            return null;
        }

        int end = End(text, start.Index + start.Length);
        // A sentence's full stop or question mark is not part of the rule.
        while (end > start.Index && (char.IsWhiteSpace(text[end - 1]) || (end == text.Length && text[end - 1] is '.' or '?' or '!')))
        {
            end--;
        }

        return (start.Index, end - start.Index);
    }

    // The first joining word outside parentheses and brackets ends the rule.
    private static int End(string text, int from)
    {
        int depth = 0;
        int scanned = from;
        for (var joiner = Joiner().Match(text, from); joiner.Success; joiner = joiner.NextMatch())
        {
            for (; scanned < joiner.Index; scanned++)
            {
                depth += text[scanned] is '(' or '[' ? 1 : text[scanned] is ')' or ']' && depth > 0 ? -1 : 0;
            }

            if (depth == 0)
            {
                return joiner.Index;
            }
        }

        return text.Length;
    }

    [GeneratedRegex(@"(?<=\s)(?:on|for|over|with)(?=\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Joiner();
}
