using ClaudBot.Engine.Rules.Syntax;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Tests.Rules;

public sealed class RuleGridTests
{
    [Fact]
    public void RangeAndList_ExpandToEveryCombination_FirstSlotSlowest()
    {
        var template = RuleParser.Parse("buy when rsi(2..6 step 2) < 5|10, sell when rsi(2) > 70");

        Assert.Equal(6, template.Combinations);
        Assert.Equal("buy when rsi(2|4|6) < 5|10, sell when rsi(2) > 70", template.Text);
        Assert.Equal(
            [
                "buy when rsi(2) < 5, sell when rsi(2) > 70",
                "buy when rsi(2) < 10, sell when rsi(2) > 70",
                "buy when rsi(4) < 5, sell when rsi(2) > 70",
                "buy when rsi(4) < 10, sell when rsi(2) > 70",
                "buy when rsi(6) < 5, sell when rsi(2) > 70",
                "buy when rsi(6) < 10, sell when rsi(2) > 70",
            ],
            template.Expand().Select(r => r.Text));
    }

    [Fact]
    public void EachRule_HoldsItsOwnValuesPerSlot()
    {
        var rules = RuleParser.Parse("hold while close[1|3] > sma(10..30 step 10)").Expand().ToList();

        Assert.Equal([1, 1, 1, 3, 3, 3], rules.Select(r => r.Whole(0)));
        Assert.Equal([10, 20, 30, 10, 20, 30], rules.Select(r => r.Whole(1)));
    }

    [Fact]
    public void RangeWithoutStep_StepsByOne_AndFractionalStepsKeepTheirEnd()
    {
        Assert.Equal([3, 4, 5, 6], RuleParser.Parse("hold while sma(3..6) > close").Slots[0].Values);
        Assert.Equal([1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2], RuleParser.Parse("hold while bb_upper(20, 1..2 step 0.1) > close").Slots[1].Values);
    }

    [Fact]
    public void NegativeValues_InListsAndRanges()
    {
        var template = RuleParser.Parse("hold while roc(5) > -2|-1|0 and roc(5) < -3..-1");

        Assert.Equal([-2, -1, 0], template.Slots[1].Values);
        Assert.Equal([-3, -2, -1], template.Slots[3].Values);
        Assert.Equal("hold while roc(5) > -2|-1|0 and roc(5) < -3|-2|-1", template.Text);
    }

    [Fact]
    public void RepeatedValues_InAList_AreOneValue()
    {
        var template = RuleParser.Parse("hold while close > 5|5|10");

        Assert.Equal([5, 10], template.Slots[0].Values);
        Assert.Equal(2, template.Combinations);
    }

    [Fact]
    public void GridsInEveryNumberPosition_MultiplyTogether()
    {
        var template = RuleParser.Parse("buy when close[0|1] * 1|2 > bb_upper(10|20, 1|2), sell when close < 1..3");

        Assert.Equal(2 * 2 * 2 * 2 * 3, template.Combinations);
        Assert.Equal(48, template.Expand().Select(r => r.Text).Distinct().Count());
    }

    [Fact]
    public void GridOverTheCap_IsRefusedWithItsCount()
    {
        var error = Assert.Throws<StrategySpecException>(() => RuleParser.Parse("hold while rsi(1..100) < 1..101"));

        Assert.Equal("The rule's grid has 10,100 combinations; the limit is 10,000. Use a coarser step or fewer values.", error.Message);
        Assert.Null(error.Caret);
    }

    [Fact]
    public void GridAtTheCap_IsAccepted()
    {
        Assert.Equal(10_000, RuleParser.Parse("hold while rsi(1..100) < 1..100").Combinations);
        Assert.Equal(12, RuleParser.Parse("hold while rsi(1..3) < 1..4", maxCombinations: 12).Combinations);
    }
}
