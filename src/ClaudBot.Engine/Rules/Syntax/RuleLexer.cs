using System.Globalization;
using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>
/// Splits rule text into tokens. Only ASCII letters, digits, spaces and the language's symbols are accepted, so a
/// look-alike letter (Cyrillic 'а'), a fullwidth '＜' or a bidirectional override is refused at its own column rather
/// than read as something else.
/// </summary>
internal static class RuleLexer
{
    private static readonly string[] TwoCharacterSymbols = ["<=", ">=", "==", ".."];

    private const string OneCharacterSymbols = "<>+-*/()[],;|%";

    public static List<RuleToken> Tokenize(string text)
    {
        var tokens = new List<RuleToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) && !IsUnsafeSpace(c))
            {
                i++;
            }
            else if (IsAsciiLetter(c))
            {
                int start = i;
                while (i < text.Length && (IsAsciiLetter(text[i]) || char.IsAsciiDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new RuleToken(RuleTokenKind.Word, text[start..i].ToLowerInvariant(), start, i - start));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(Number(text, ref i));
            }
            else if (i + 1 < text.Length && Array.IndexOf(TwoCharacterSymbols, text.Substring(i, 2)) >= 0)
            {
                tokens.Add(new RuleToken(RuleTokenKind.Symbol, text.Substring(i, 2), i, 2));
                i += 2;
            }
            else if (OneCharacterSymbols.Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new RuleToken(RuleTokenKind.Symbol, c.ToString(), i, 1));
                i++;
            }
            else
            {
                throw Unexpected(text, i);
            }
        }

        tokens.Add(new RuleToken(RuleTokenKind.End, string.Empty, text.Length, 0));
        return tokens;
    }

    private static RuleToken Number(string text, ref int i)
    {
        int start = i;
        SkipDigits(text, ref i);

        // "2..6" is a range: a '.' followed by another '.' is not a decimal point.
        if (i < text.Length && text[i] == '.' && !(i + 1 < text.Length && text[i + 1] == '.'))
        {
            i++;
            SkipDigits(text, ref i);
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            int exponent = i + 1;
            if (exponent < text.Length && (text[exponent] == '+' || text[exponent] == '-'))
            {
                exponent++;
            }

            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                i = exponent;
                SkipDigits(text, ref i);
            }
        }

        string written = text[start..i];
        double value = double.Parse(written, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new RuleToken(RuleTokenKind.Number, written, start, i - start, value);
    }

    private static void SkipDigits(string text, ref int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
    }

    private static Strategies.StrategySpecException Unexpected(string text, int index)
    {
        char c = text[index];
        string code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        string hint = c switch
        {
            '=' => ": did you mean ==?",
            '&' => ": write 'and'",
            '!' => ": write 'not'",
            _ when LookAlike(c) is { } ascii => $": did you mean {ascii}?",
            _ when c < 128 && !char.IsControl(c) => ": it has no meaning in a rule",
            _ => ": rules use ASCII letters, digits and symbols only",
        };
        return RuleErrors.At(text, index, $"unexpected character '{UserText.Excerpt(c.ToString())}' (U+{code}) at column {index + 1}{hint}");
    }

    // Fullwidth forms ('＜', '（', 'ｓ') imitate the ASCII character 0xFEE0 below them; a rule that holds one was
    // most likely typed with a wide keyboard layout.
    private static string? LookAlike(char c) =>
        c is >= '\uff01' and <= '\uff5e' ? ((char)(c - 0xfee0)).ToString() : null;

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    // Line and paragraph separators are whitespace to .NET but reorder or break what a terminal shows.
    private static bool IsUnsafeSpace(char c) => c is '\u2028' or '\u2029';
}
