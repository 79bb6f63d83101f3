using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Tests.Rules;

public sealed class RuleRoundTripTests
{
    public static TheoryData<string> Rules() =>
    [
        "buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70",
        "hold while close > sma(200)",
        "buy when macd(12, 26) crosses above macd_signal(12, 26, 9), sell when macd(12, 26) crosses below macd_signal(12, 26, 9)",
        "buy when close < bb_lower(20, 2), sell when close > bb_middle(20)",
        "buy when roc(20) > 5, sell when roc(20) < -5",
        "hold while close - (open - low) > -5 and -sma(3) < -(-5)",
        "hold while -(5) < close",
        "hold while -(close + open) < -(-(high))",
        "hold while close > open or high > low and not volume > 1",
        "hold while (close > open or high > low) and not (volume > 1 or close < 2)",
        "hold while not not close > open",
        "hold while close > open or (high > low or volume > 1)",
        "hold while close > open and (high > low and volume > 1)",
        "hold while (close > open or high > low) or volume > 1",
        "hold while close / (open / high) > low * (high * low)",
        "hold while (close + open) * (high - low) / 2 > atr(14) * 1.5",
        "hold while close - open + high - (low + volume) > 0",
        "hold while sma(5)[2][3] > close[1] and highest(20, high[1]) < close",
        "hold while rsi(14, ema(5, high)) > 50 and lowest(10, atr(5)[2]) > 0",
        "hold while sma(5, close) > ema(5, open)",
        "hold while close >= 1.25 and close <= 1000000 and volume == 0",
        "buy when macd_hist(12, 26, 9) crosses above 0, sell when macd_hist(12, 26, 9) crosses below 0",
        "buy when rsi(2..6 step 2) < 5|10, sell when rsi(2) > 70|80",
        "hold while close[0|1|2] > sma(10..30 step 10) - -1|1",
        "hold while bb_upper(20, 0.5..1.5 step 0.5) > close * 0.99",
        "buy when close is above sma(50) then sell when close is below sma(50)",
        "hold while close - -5 > 0.00000001",
    ];

    [Theory]
    [MemberData(nameof(Rules))]
    public void EveryCombination_FormatsToTextThatParsesBackToAnEqualRule(string text)
    {
        var template = RuleParser.Parse(text);
        foreach (var rule in template.Expand())
        {
            var again = RuleParser.Parse(rule.Text);

            Assert.Equal(rule.Syntax, again.Syntax);
            Assert.Equal(1, again.Combinations);
            Assert.Equal(rule.Template.Slots.Select((_, i) => rule.Value(i)), again.Slots.Select(s => s.Values[0]));
            Assert.Equal(rule.Text, again.Expand().Single().Text);
        }
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void TemplateText_ParsesBackToTheSameGrids(string text)
    {
        var template = RuleParser.Parse(text);
        var again = RuleParser.Parse(template.Text);

        Assert.Equal(template.Syntax, again.Syntax);
        Assert.Equal(template.Slots.Select(s => (s.Kind, string.Join('|', s.Values))), again.Slots.Select(s => (s.Kind, string.Join('|', s.Values))));
        Assert.Equal(template.Text, again.Text);
    }

    [Theory]
    [InlineData("hold while close - (open - low) > 0", "hold while close - (open - low) > 0")]
    [InlineData("hold while (close - open) - low > 0", "hold while close - open - low > 0")]
    [InlineData("hold while (close * open) + low > 0", "hold while close * open + low > 0")]
    [InlineData("hold while close * (open + low) > 0", "hold while close * (open + low) > 0")]
    [InlineData("hold while (close > 1 and open > 1) or low > 1", "hold while close > 1 and open > 1 or low > 1")]
    [InlineData("hold while (close > 1 or open > 1) and low > 1", "hold while (close > 1 or open > 1) and low > 1")]
    [InlineData("hold while not (close > 1)", "hold while not close > 1")]
    [InlineData("hold while (not close > 1) and low > 1", "hold while not close > 1 and low > 1")]
    [InlineData("HOLD WHILE  SMA(5 , CLOSE)>EMA( 5,Open )", "hold while sma(5) > ema(5, open)")]
    [InlineData("hold while -(close) < 0", "hold while -close < 0")]
    [InlineData("hold while close > 1.50", "hold while close > 1.5")]
    [InlineData("hold while close > 1e3", "hold while close > 1000")]
    public void Formatter_WritesParenthesesOnlyWherePrecedenceNeedsThem(string text, string canonical)
    {
        Assert.Equal(canonical, RuleParser.Parse(text).Text);
    }
}
