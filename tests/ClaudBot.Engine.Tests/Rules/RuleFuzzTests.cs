using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Tests.Rules;

/// <summary>Property-style: truncated, spliced and random text only ever parses or fails with a one-line <see cref="StrategySpecException"/>.</summary>
public sealed class RuleFuzzTests
{
    private static readonly string[] Valid =
    [
        "buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70",
        "buy when macd(12, 26) crosses above macd_signal(12, 26, 9); sell when macd(12,26) crossed below macd_signal(12,26,9)",
        "hold while not (close[1] > highest(20, high[1]) or -atr(14) * 2 < close - open) and bb_lower(20, 2) is below low",
        "buy if rsi(2..6 step 2) < 5|10 then sell if roc(5, ema(3)) >= -1.5",
        "long while (close - open) / (high - low + 0.01) at least 0.5 and volume equals 0",
    ];

    private static readonly string[] Pieces =
    [
        "buy", "when", "sell", "hold", "while", "if", "then", "and", "or", "not", "is", "above", "below", "crosses", "at", "least",
        "close", "open", "volume", "sma", "rsi", "macd_hist", "bb_upper", "highest", "step", "(", ")", "[", "]", ",", ";", "|", "..",
        "<", "<=", ">", ">=", "==", "+", "-", "*", "/", "1", "0", "2.5", "1e400", "5000", "-3", " ", "smaa", "\u202e", "\uff1c",
    ];

    [Fact]
    public void EveryPrefixAndSuffix_OfValidRules_ParsesOrFailsCleanly()
    {
        int failures = 0;
        foreach (string rule in Valid)
        {
            for (int i = 0; i <= rule.Length; i++)
            {
                failures += Outcome(rule[..i]) ? 0 : 1;
                failures += Outcome(rule[i..]) ? 0 : 1;
            }
        }

        Assert.True(failures > 100, $"only {failures} fragments failed to parse; the fragments are not exercising the errors");
    }

    [Fact]
    public void RandomSplicesOfValidRules_ParseOrFailCleanly()
    {
        var random = new Random(12);
        for (int n = 0; n < 5000; n++)
        {
            string a = Valid[random.Next(Valid.Length)];
            string b = Valid[random.Next(Valid.Length)];
            int cutA = random.Next(a.Length + 1);
            int cutB = random.Next(b.Length + 1);
            Outcome(a[..cutA] + b[cutB..]);
        }
    }

    [Fact]
    public void RandomTokenSoup_ParsesOrFailsCleanly()
    {
        var random = new Random(7);
        for (int n = 0; n < 5000; n++)
        {
            var words = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Pieces[random.Next(Pieces.Length)]);
            string start = random.Next(3) switch { 0 => "buy when ", 1 => "hold while ", _ => string.Empty };
            Outcome(start + string.Join(random.Next(2) == 0 ? " " : string.Empty, words));
        }
    }

    [Fact]
    public void RandomCharacters_ParseOrFailCleanly()
    {
        var random = new Random(3);
        const string alphabet = "abcdehilnorstuvw_0123456789 .,;|()[]<>=+-*/\t\n\u0430\uff1c\u202e\u0000";
        for (int n = 0; n < 5000; n++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)]);
            Outcome("hold while " + string.Concat(chars));
        }
    }

    /// <summary>True when the text parsed; false when it was refused with a one-line message and a two-line caret (or none).</summary>
    private static bool Outcome(string text)
    {
        try
        {
            var template = RuleParser.Parse(text);
            Assert.Equal(template.Syntax, RuleParser.Parse(template.Text).Syntax);
            return true;
        }
        catch (StrategySpecException error)
        {
            Assert.DoesNotContain('\n', error.Message);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            if (error.Caret is not null)
            {
                Assert.Equal(2, error.Caret.Split('\n').Length);
                Assert.EndsWith("^", error.Caret, StringComparison.Ordinal);
                Assert.DoesNotContain('\u202e', error.Caret);
            }

            return false;
        }
    }
}
