using ClaudBot.Engine.Rules.Syntax;
using static ClaudBot.Engine.Tests.Rules.RuleTrees;

namespace ClaudBot.Engine.Tests.Rules;

public sealed class RuleParserTreeTests
{
    [Fact]
    public void BuySell_TheIssueBenchRule_GivesTheWholeTreeAndItsSlots()
    {
        var template = RuleParser.Parse("buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70");

        Assert.Equal(
            BuySell(
                And(Lt(Ind(IndicatorKind.Rsi, 0), N(1)), Gt(Close, Ind(IndicatorKind.Sma, 2))),
                Gt(Ind(IndicatorKind.Rsi, 3), N(4))),
            template.Syntax);
        Assert.Equal(["Period 2@14", "Number 10@19", "Period 200@38", "Period 2@58", "Number 70@63"], Slots(template));
    }

    [Fact]
    public void HoldWhile_GivesOneConditionAndNoExit()
    {
        var template = RuleParser.Parse("hold while close > sma(200)");

        Assert.Equal(Hold(Gt(Close, Ind(IndicatorKind.Sma, 0))), template.Syntax);
        Assert.Equal(["Period 200@24"], Slots(template));
    }

    [Fact]
    public void EveryPriceField_IsAnExpression()
    {
        var template = RuleParser.Parse("hold while open < high and low < close and volume > 0");

        Assert.Equal(Hold(And(And(Lt(Open, High), Lt(Low, Close)), Gt(Volume, N(0)))), template.Syntax);
    }

    [Fact]
    public void EveryIndicator_ParsesWithItsArgumentsAndSlotKinds()
    {
        var template = RuleParser.Parse(
            "hold while sma(1) + ema(2) + rsi(3) + roc(4) + atr(5) + macd(6, 7) + macd_signal(8, 9, 10) + macd_hist(11, 12, 13)"
            + " + bb_upper(14, 1.5) + bb_middle(15) + bb_lower(16, 2.5) + highest(17) + lowest(18) > 0");

        Expression sum = Ind(IndicatorKind.Sma, 0);
        sum = Add(sum, Ind(IndicatorKind.Ema, 1));
        sum = Add(sum, Ind(IndicatorKind.Rsi, 2));
        sum = Add(sum, Ind(IndicatorKind.Roc, 3));
        sum = Add(sum, Ind(IndicatorKind.Atr, 4));
        sum = Add(sum, Ind(IndicatorKind.Macd, 5, 6));
        sum = Add(sum, Ind(IndicatorKind.MacdSignal, 7, 8, 9));
        sum = Add(sum, Ind(IndicatorKind.MacdHist, 10, 11, 12));
        sum = Add(sum, Ind(IndicatorKind.BbUpper, 13, 14));
        sum = Add(sum, Ind(IndicatorKind.BbMiddle, 15));
        sum = Add(sum, Ind(IndicatorKind.BbLower, 16, 17));
        sum = Add(sum, Ind(IndicatorKind.Highest, 18));
        sum = Add(sum, Ind(IndicatorKind.Lowest, 19));
        Assert.Equal(Hold(Gt(sum, N(20))), template.Syntax);
        Assert.Equal(
            [RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Period,
             RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Period,
             RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Setting, RuleSlotKind.Period,
             RuleSlotKind.Period, RuleSlotKind.Setting, RuleSlotKind.Period, RuleSlotKind.Period, RuleSlotKind.Number],
            template.Slots.Select(s => s.Kind));
    }

    [Fact]
    public void Sources_AreSeries_AndCloseIsTheDefaultLeftOut()
    {
        var template = RuleParser.Parse("hold while sma(5, close) < rsi(14, ema(3, high)) and highest(20, high[1]) > lowest(10, atr(5)[2])");

        Assert.Equal(
            Hold(And(
                Lt(Ind(IndicatorKind.Sma, 0), IndOf(IndicatorKind.Rsi, IndOf(IndicatorKind.Ema, High, 2), 1)),
                Gt(IndOf(IndicatorKind.Highest, Lag(High, 4), 3), IndOf(IndicatorKind.Lowest, Lag(Ind(IndicatorKind.Atr, 6), 7), 5)))),
            template.Syntax);
    }

    [Fact]
    public void Lags_ApplyToFieldsIndicatorsAndLags()
    {
        var template = RuleParser.Parse("hold while close[1] > sma(5)[2][3]");

        Assert.Equal(Hold(Gt(Lag(Close, 0), Lag(Lag(Ind(IndicatorKind.Sma, 1), 2), 3))), template.Syntax);
        Assert.Equal(["Lag 1@18", "Period 5@27", "Lag 2@30", "Lag 3@33"], Slots(template));
    }

    [Fact]
    public void Crosses_ParseAsCrossConditions()
    {
        var template = RuleParser.Parse("buy when macd(12, 26) crosses above macd_signal(12, 26, 9), sell when close crosses below sma(5)");

        Assert.Equal(
            BuySell(
                Above(Ind(IndicatorKind.Macd, 0, 1), Ind(IndicatorKind.MacdSignal, 2, 3, 4)),
                Below(Close, Ind(IndicatorKind.Sma, 5))),
            template.Syntax);
    }

    [Fact]
    public void NegativeNumbers_AreOneSlot_AndMinusBeforeASeriesIsANegation()
    {
        var template = RuleParser.Parse("hold while -5 < -sma(3) and close - -2 > 0");

        Assert.Equal(Hold(And(Lt(N(0), Neg(Ind(IndicatorKind.Sma, 1))), Gt(Sub(Close, N(2)), N(3)))), template.Syntax);
        Assert.Equal(["Number -5@12", "Period 3@22", "Number -2@37", "Number 0@42"], Slots(template));
    }

    [Theory]
    [InlineData("buy when close > 1, sell when close < 1")]
    [InlineData("buy when close > 1; sell when close < 1")]
    [InlineData("buy when close > 1 then sell when close < 1")]
    [InlineData("buy when close > 1, then sell when close < 1")]
    [InlineData("buy when close > 1 and sell when close < 1")]
    [InlineData("buy if close > 1, sell if close < 1")]
    [InlineData("  BUY\tWHEN   Close > 1 ,SELL  When CLOSE<1  ")]
    public void BuySell_SeparatorsAndSpellings_GiveTheSameRule(string text)
    {
        var template = RuleParser.Parse(text);

        Assert.Equal(BuySell(Gt(Close, N(0)), Lt(Close, N(1))), template.Syntax);
        Assert.Equal("buy when close > 1, sell when close < 1", template.Text);
    }

    [Theory]
    [InlineData("hold while close > 1")]
    [InlineData("long while close > 1")]
    [InlineData("HOLD   WHILE close > 1")]
    public void HoldWhile_Spellings_GiveTheSameRule(string text)
    {
        Assert.Equal(Hold(Gt(Close, N(0))), RuleParser.Parse(text).Syntax);
    }

    [Theory]
    [InlineData("buy when x", true)]
    [InlineData("BUY  WHEN", true)]
    [InlineData("  buy\tif close", true)]
    [InlineData("hold while", true)]
    [InlineData("Long   While close > 1", true)]
    [InlineData("buy_hold", false)]
    [InlineData("buy whenever", false)]
    [InlineData("rsi,macd", false)]
    [InlineData("buy", false)]
    [InlineData("sell when close < 1", false)]
    [InlineData("", false)]
    public void LooksLikeRule_KnowsRuleTextFromStrategyLists(string text, bool expected)
    {
        Assert.Equal(expected, RuleParser.LooksLikeRule(text));
    }
}
