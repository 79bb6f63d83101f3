using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Tests.Rules;

/// <summary>Malformed and hostile rules: each is refused with one exact line, and the caret sits under the column it names.</summary>
public sealed class RuleErrorTests
{
    private const string Hold = "hold while ";

    public static TheoryData<string, string, int> Malformed() => new()
    {
        // The shape of the rule.
        { "buy when", "expected a condition after 'when' at column 9", 9 },
        { "hold while   ", "expected a condition after 'while' at column 14", 14 },
        { "buy when rsi(2) < 10", "the sell part is missing: expected ', sell when' after '10' at column 21", 21 },
        { "buy when rsi(2) < 10,", "expected 'sell when' after ',' at column 22", 22 },
        { "buy when close > 1, sell when", "expected a condition after 'when' at column 30", 30 },
        { "buy when close > 1, sell close < 1", "expected 'when' after 'sell' at column 26", 26 },
        { "buy close > 1", "expected 'when' after 'buy' at column 5", 5 },
        { "hold close > 1", "expected 'while' after 'hold' at column 6", 6 },
        { "sell when close > 1", "a rule starts with 'buy when' or 'hold while', not 'sell' at column 1", 1 },
        { "buy when close > 1 foo sell when close < 1", "expected 'and', 'or' or ', sell when' after '1' at column 20, not 'foo'", 20 },
        { "hold while close > 1 garbage", "expected 'and', 'or' or the end of the rule after '1' at column 22, not 'garbage'", 22 },
        { "buy when close > 1, sell when close < 1, sell when close < 2", "the rule already has its sell part; a second one starts at column 40", 40 },
        { "buy when close > 1, sell when close < 1 and sell when close < 2", "the rule already has its sell part; a second one starts at column 41", 41 },
        { "hold while close > 1 and sell when close < 1", "a 'hold while' rule has no sell part at column 22: write 'buy when ..., sell when ...' to enter and exit on separate conditions", 22 },
        { "hold while close > 1, sell when close < 1", "a 'hold while' rule has no sell part at column 21: write 'buy when ..., sell when ...' to enter and exit on separate conditions", 21 },
        { "hold while close > 1 sell when close < 1", "a 'hold while' rule has no sell part at column 22: write 'buy when ..., sell when ...' to enter and exit on separate conditions", 22 },

        // Comparisons.
        { "buy when rsi(2), sell when rsi(2) > 70", "expected a comparison (<, >, crosses above ...) after 'rsi(2)' at column 16", 16 },
        { Hold + "close", "expected a comparison (<, >, crosses above ...) after 'close' at column 17", 17 },
        { Hold + "close and open > 1", "expected a comparison (<, >, crosses above ...) after 'close' at column 18", 18 },
        { Hold + "close croses above sma(5)", "expected a comparison (<, >, crosses above ...) after 'close' at column 18: did you mean crosses?", 18 },
        { Hold + "1 < close < 2", "comparisons cannot be chained at column 22: write 'a < b and b < c', not 'a < b < c'", 22 },
        { Hold + "(1 < close) < 2", "a condition cannot be compared at column 24: compare numbers or series, and join conditions with 'and' or 'or'", 24 },
        { Hold + "close < (open < 1)", "a condition cannot be used as a number at column 20", 20 },
        { Hold + "(close > 1) + 1 > 0", "a condition cannot be used as a number at column 12", 12 },
        { Hold + "close crosses sma(5)", "expected 'above' or 'below' after 'crosses' at column 26", 26 },
        { Hold + "close is 5", "expected 'above', 'below', 'less than', 'greater than', 'at least', 'at most' or 'equal to' after 'is' at column 21", 21 },
        { Hold + "close is", "expected 'above', 'below', 'less than', 'greater than', 'at least', 'at most' or 'equal to' after 'is' at column 20", 20 },
        { Hold + "close crosses", "expected 'above' or 'below' after 'crosses' at column 25", 25 },
        { Hold + "close at 5", "expected 'least' or 'most' after 'at' at column 21", 21 },
        { Hold + "close less 5", "expected 'than' after 'less' at column 23", 23 },
        { Hold + "close = 5", "unexpected character '=' (U+003D) at column 18: did you mean ==?", 18 },
        { Hold + "not close", "expected a comparison (<, >, crosses above ...) after 'close' at column 21", 21 },

        // Names.
        { "buy when smaa(10) < 5, sell when close > 1", "unknown indicator 'smaa' at column 10: did you mean sma?", 10 },
        { Hold + "clsoe > 1", "unknown name 'clsoe' at column 12: did you mean close?", 12 },
        { Hold + "foo(3) > 1", "unknown indicator 'foo' at column 12: known indicators are sma, ema, rsi, roc, atr, macd, macd_signal, macd_hist, bb_upper, bb_middle, bb_lower, highest, lowest", 12 },
        { Hold + "price > 1", "unknown name 'price' at column 12: expected a number, a price field (open, high, low, close, volume) or an indicator", 12 },
        { Hold + "close > nan", "'nan' at column 20 is not a number: numbers are finite and written with digits", 20 },
        { Hold + "close > Infinity", "'infinity' at column 20 is not a number: numbers are finite and written with digits", 20 },
        { Hold + "close > and", "expected a number, a price field or an indicator after '>' at column 20", 20 },
        { Hold + "close > )", "expected a number, a price field or an indicator after '>' at column 20", 20 },

        // Arity and arguments.
        { "buy when rsi(2, 3, 4) < 5, sell when close > 1", "rsi takes 1 or 2 arguments (n[, src]), got 3 at column 10", 10 },
        { Hold + "rsi() > 5", "rsi takes 1 or 2 arguments (n[, src]), got 0 at column 12", 12 },
        { Hold + "rsi > 5", "rsi needs its arguments: rsi(n[, src]) at column 12", 12 },
        { Hold + "macd(12) > 0", "macd takes 2 arguments (fast, slow), got 1 at column 12", 12 },
        { Hold + "macd_hist(12, 26) > 0", "macd_hist takes 3 arguments (fast, slow, signal), got 2 at column 12", 12 },
        { Hold + "atr(14, close) > 0", "atr takes 1 argument (n), got 2 at column 12", 12 },
        { Hold + "bb_upper(20, 2, close) > close", "bb_upper takes 2 arguments (n, k), got 3 at column 12", 12 },
        { Hold + "rsi(close) > 5", "argument 1 of rsi(n[, src]) must be a number, not 'close', at column 16", 16 },
        { Hold + "rsi(2, 5) > 5", "the source of rsi must be a series (a price field, an indicator, or one of them lagged), not '5', at column 19", 19 },
        { Hold + "rsi(2, close + 1) > 5", "the source of rsi must be a series (a price field, an indicator, or one of them lagged); arithmetic is not allowed there, at column 25", 25 },
        { Hold + "rsi(2 close) > 5", "expected ',' or ')' after '2' at column 18", 18 },

        // Numbers and their bounds.
        { Hold + "sma(0) > 1", "a period of 0 bars at column 16 is below the minimum of 1", 16 },
        { Hold + "sma(1.5) > 1", "a period of 1.5 bars at column 16 is not a whole number", 16 },
        { Hold + "sma(6000) > 1", "a period of 6000 bars at column 16 is over the limit of 5,000", 16 },
        { Hold + "sma(-3) > 1", "a period of -3 bars at column 16 is below the minimum of 1", 16 },
        { Hold + "sma(2|0) > 1", "a period of 0 bars at column 16 is below the minimum of 1", 16 },
        { Hold + "close[5001] > 1", "a lag of 5001 bars at column 18 is over the limit of 5,000", 18 },
        { Hold + "close[-1] > 1", "a lag of -1 bars at column 18 is negative: a lag counts bars ago, from 0", 18 },
        { Hold + "close[0.5] > 1", "a lag of 0.5 bars at column 18 is not a whole number", 18 },
        { Hold + "close[1 > 1", "expected ']' after '1' at column 20", 20 },
        { Hold + "5[1] > 1", "a lag [n] follows a price field or an indicator, not '5', at column 13", 13 },
        { Hold + "bb_upper(20, 0) > close", "a band width k of 0 at column 25 must be above 0 and at most 10", 25 },
        { Hold + "bb_lower(20, 11) > close", "a band width k of 11 at column 25 must be above 0 and at most 10", 25 },
        { Hold + "close > 1e400", "the number '1e400' at column 20 is over the limit of 1e15", 20 },
        { Hold + "close > 1e16", "the number '1e16' at column 20 is over the limit of 1e15", 20 },
        { Hold + "close > -99999999999999999", "the number '99999999999999999' at column 21 is over the limit of 1e15", 21 },
        { Hold + "close > 1.123456789", "the number 1.123456789 at column 20 has more digits than a rule keeps (8 after the point, 15 in all)", 20 },
        { Hold + "close > 0..0.000000002 step 0.000000001", "the number 1E-09 at column 20 has more digits than a rule keeps (8 after the point, 15 in all)", 20 },
        { Hold + "close > 1..5 step 0", "the step of the range '1..5 step 0' at column 20 must be positive", 20 },
        { Hold + "close > 1..5 step -1", "the step of the range '1..5 step -1' at column 20 must be positive", 20 },
        { Hold + "close > 5..1", "the range '5..1' at column 20 runs backwards", 20 },
        { Hold + "close > 1..1000000", "the range '1..1000000' at column 20 gives 1,000,000 values; the limit is 100,000: use a larger step", 20 },
        { Hold + "close > 1..", "expected a number after '..' at column 23", 23 },
        { Hold + "close > 1|", "expected a number after '|' at column 22", 22 },
        { Hold + "close > 1 step 2", "expected 'and', 'or' or the end of the rule after '1' at column 22, not 'step'", 22 },

        // Parentheses.
        { Hold + "(close > 1", "the '(' at column 12 is not closed: expected ')' after '1' at column 22", 22 },
        { Hold + "((close - open) > 1", "the '(' at column 12 is not closed: expected ')' after '1' at column 31", 31 },
        { Hold + "close > 1)", "expected 'and', 'or' or the end of the rule after '1' at column 21, not ')'", 21 },
        { Hold + "sma(5 > 1", "expected ',' or ')' after '5' at column 18", 18 },
        { Hold + "() > 1", "expected a number, a price field or an indicator after '(' at column 13", 13 },

        // Look-alikes, controls and injection text.
        { Hold + "s\u043Ca(2) > 1", "unexpected character '\u043C' (U+043C) at column 13: rules use ASCII letters, digits and symbols only", 13 },
        { Hold + "sm\u0430(2) > 1", "unexpected character '\u0430' (U+0430) at column 14: rules use ASCII letters, digits and symbols only", 14 },
        { Hold + "close \uFF1C 1", "unexpected character '\uFF1C' (U+FF1C) at column 18: did you mean <?", 18 },
        { Hold + "close \u202E> 1", "unexpected character '\\u202e' (U+202E) at column 18: rules use ASCII letters, digits and symbols only", 18 },
        { Hold + "close \u2066> 1", "unexpected character '\\u2066' (U+2066) at column 18: rules use ASCII letters, digits and symbols only", 18 },
        { Hold + "close >\u00001", "unexpected character '\\u0000' (U+0000) at column 19: rules use ASCII letters, digits and symbols only", 19 },
        { Hold + "close > 1\u001b[31m", "unexpected character '\\u001b' (U+001B) at column 21: rules use ASCII letters, digits and symbols only", 21 },
        { "buy when close > 1; rm -rf /", "expected 'sell when' after ';' at column 21", 21 },
        { "buy when $(reboot)", "unexpected character '$' (U+0024) at column 10: it has no meaning in a rule", 10 },
        { "buy when `id`", "unexpected character '`' (U+0060) at column 10: it has no meaning in a rule", 10 },
        { "buy when <script>alert(1)</script>", "expected a number, a price field or an indicator after 'when' at column 10", 10 },
        { "buy when close > 1' OR 1=1 --", "unexpected character ''' (U+0027) at column 19: it has no meaning in a rule", 19 },
        { "buy when close > 1; DROP TABLE results; --", "expected 'sell when' after ';' at column 21", 21 },
        { "hold while close > 1 && open > 1", "unexpected character '&' (U+0026) at column 22: write 'and'", 22 },
        { "hold while close > 1 || open > 1", "expected a number after '|' at column 23", 23 },
        { "hold while !(close > 1)", "unexpected character '!' (U+0021) at column 12: write 'not'", 12 },
        { "hold while close > 1 and", "expected a number, a price field or an indicator after 'and' at column 25", 25 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedRule_IsRefusedWithOneExactLine_AndTheCaretUnderItsColumn(string text, string message, int column)
    {
        var error = Assert.Throws<StrategySpecException>(() => RuleParser.Parse(text));

        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Column);
        Assert.DoesNotContain('\n', error.Message);
        string[] caret = error.Caret!.Split('\n');
        Assert.Equal(2, caret.Length);

        // Past 30 characters the caret block starts with "..." and the 30 characters before the column.
        Assert.Equal(new string(' ', column <= 31 ? column - 1 : 33) + "^", caret[1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void EmptyRule_IsRefused(string text)
    {
        var error = Assert.Throws<StrategySpecException>(() => RuleParser.Parse(text));

        Assert.Equal("the rule is empty: write 'buy when ..., sell when ...' or 'hold while ...'", error.Message);
    }

    [Fact]
    public void Caret_EscapesControlCharacters_SoItStaysUnderTheirColumn()
    {
        var error = Assert.Throws<StrategySpecException>(() => RuleParser.Parse("hold while\tclose \u202E> 1"));

        Assert.Equal("hold while\\tclose \\u202e> 1\n                  ^", error.Caret);
    }

    [Fact]
    public void Caret_OnALongRule_ShowsAWindowAroundTheColumn()
    {
        string text = "hold while " + string.Concat(Enumerable.Repeat("close > 1 and ", 10)) + "smaa(5) > 1";
        var error = Assert.Throws<StrategySpecException>(() => RuleParser.Parse(text));

        Assert.Equal("unknown indicator 'smaa' at column 152: did you mean sma?", error.Message);
        Assert.Equal("...d close > 1 and close > 1 and smaa(5) > 1\n" + new string(' ', 33) + "^", error.Caret);
    }
}
