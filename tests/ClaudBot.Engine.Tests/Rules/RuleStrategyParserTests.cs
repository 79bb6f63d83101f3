using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Engine.Tests.Rules;

public sealed class RuleStrategyParserTests
{
    [Fact]
    public void RuleText_IsOneWrittenRuleStrategy()
    {
        var selection = StrategyParser.Parse("buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70");

        var only = Assert.Single(selection.Parameters);
        Assert.Same(StrategyCatalog.WrittenRule, only.Definition);
        Assert.Equal("buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70", only.ToString());
        Assert.Equal(only.ToString(), only.ToShortString());
        Assert.NotNull(only.Rule);
        Assert.Empty(selection.Notes);
    }

    [Fact]
    public void RuleGrid_GivesOneStrategyPerCombination_InOrder()
    {
        var selection = StrategyParser.Parse("HOLD WHILE close > sma(10|20) + 1|2");

        Assert.Equal(
            ["hold while close > sma(10) + 1", "hold while close > sma(10) + 2", "hold while close > sma(20) + 1", "hold while close > sma(20) + 2"],
            selection.Parameters.Select(p => p.ToString()));
    }

    [Fact]
    public void RuleGridPoints_OfEqualValues_AreOneStrategy()
    {
        var selection = StrategyParser.Parse("hold while close > 0|-0|0.0");

        Assert.Equal(["hold while close > 0"], selection.Parameters.Select(p => p.ToString()));
    }

    [Fact]
    public void RuleNumbers_ThatTheirCanonicalTextWouldChange_AreRefused()
    {
        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.Parse("hold while close > 1|1.000000001"));

        Assert.Equal("the number 1.000000001 at column 20 has more digits than a rule keeps (8 after the point, 15 in all)", error.Message);
    }

    [Fact]
    public void RuleGrid_OverTheCap_IsRefused()
    {
        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.Parse("hold while rsi(1..10) < 1..10", maxCombinations: 50));

        Assert.Equal("The rule's grid has 100 combinations; the limit is 50. Use a coarser step or fewer values.", error.Message);
    }

    [Fact]
    public void MalformedRule_ReachesTheCallerWithItsCaret()
    {
        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.Parse("buy when smaa(10) < 5, sell when close > 1"));

        Assert.Equal("unknown indicator 'smaa' at column 10: did you mean sma?", error.Message);
        Assert.Equal("buy when smaa(10) < 5, sell when close ...\n         ^", error.Caret);
    }

    [Fact]
    public void ApplyParameters_ToARule_IsAnError()
    {
        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.ApplyParameters("hold while close > sma(5)", [("period", "10")]));

        Assert.Equal("--param applies to built-in strategies; write the number into the rule.", error.Message);
    }

    [Fact]
    public void ApplyParameters_WithNoSettings_LeavesARuleAsItIs()
    {
        Assert.Equal("hold while close > sma(5)", StrategyParser.ApplyParameters("hold while close > sma(5)", []));
    }

    [Fact]
    public void ParseRequests_OfARule_IsAnError()
    {
        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.ParseRequests("hold while close > 1"));

        Assert.Equal("A rule is one strategy with its numbers written in it; it has no parameter requests.", error.Message);
    }

    [Fact]
    public void BuiltInNames_StillParseAsBefore()
    {
        Assert.Equal(["buy_hold", "rsi(period=14, lower=30, upper=70)"], StrategyParser.Parse("buy_hold,rsi").Parameters.Select(p => p.ToString()));
    }
}
