using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Engine.Tests.Strategies;

public sealed class StrategyParserTests
{
    private static string[] Names(string text) => [.. StrategyParser.Parse(text).Parameters.Select(p => p.ToString())];

    [Fact]
    public void CommaList_GivesEachStrategyWithItsDefaults()
    {
        Assert.Equal(
            ["rsi(period=14, lower=30, upper=70)", "macd(fast=12, slow=26, signal=9)", "buy_hold"],
            Names(" RSI , macd,buy-hold "));
    }

    [Fact]
    public void Parameters_OverrideDefaultsAndCommasInsideParenthesesDoNotSplit()
    {
        Assert.Equal(
            ["rsi(period=10, lower=25, upper=70)", "momentum(lookback=20, threshold=0.05)"],
            Names("rsi(period=10, lower=25),momentum(threshold=0.05)"));
    }

    [Fact]
    public void Grid_ExpandsRangesAndListsAsACartesianProduct()
    {
        Assert.Equal(
            [
                "rsi(period=7, lower=25, upper=70)", "rsi(period=7, lower=30, upper=70)",
                "rsi(period=14, lower=25, upper=70)", "rsi(period=14, lower=30, upper=70)",
                "rsi(period=21, lower=25, upper=70)", "rsi(period=21, lower=30, upper=70)",
            ],
            Names("rsi(period=7..21 step 7, lower=25|30)"));
    }

    [Fact]
    public void FractionalStep_KeepsTheEndOfTheRange()
    {
        Assert.Equal(
            ["bollinger(period=20, k=1)", "bollinger(period=20, k=1.1)", "bollinger(period=20, k=1.2)", "bollinger(period=20, k=1.3)"],
            Names("bollinger(k=1..1.3 step 0.1)"));
    }

    [Fact]
    public void GridCombinationsBreakingARule_AreDroppedWithANote()
    {
        var selection = StrategyParser.Parse("sma_cross(fast=50..150 step 50, slow=100|200)");

        Assert.Equal(["sma_cross(fast=50, slow=100)", "sma_cross(fast=50, slow=200)", "sma_cross(fast=100, slow=200)", "sma_cross(fast=150, slow=200)"], selection.Parameters.Select(p => p.ToString()));
        Assert.Equal("sma_cross: skipped 2 of 6 combinations (fast (100) must be below slow (100)).", Assert.Single(selection.Notes));
    }

    [Fact]
    public void Duplicates_AppearOnce()
    {
        Assert.Equal(["rsi(period=14, lower=30, upper=70)"], Names("rsi,rsi(period=14)"));
    }

    [Fact]
    public void TextForm_ParsesBackToAnEqualValue()
    {
        var original = StrategyParser.Parse("bollinger(period=15, k=2.5)").Parameters[0];

        var again = StrategyParser.Parse(original.ToString()).Parameters[0];

        Assert.Equal(original, again);
        Assert.Equal(2.5, again["k"]);
    }

    [Theory]
    [InlineData("rsx", "Unknown strategy 'rsx'. Did you mean rsi? Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold.")]
    [InlineData("", "No strategy given. Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold.")]
    [InlineData("rsi,,macd", "'rsi,,macd': empty item in the list (two separators in a row?).")]
    [InlineData("rsi(period=10", "'rsi(period=10': missing ')'.")]
    [InlineData("rsi(period=abc)", "'rsi(period=abc)': period must be a number, not 'abc'.")]
    [InlineData("rsi(period=10.5)", "'rsi(period=10.5)': period must be a whole number, not 10.5.")]
    [InlineData("rsi(period=1)", "'rsi(period=1)': period must be between 2 and 1000, not 1.")]
    [InlineData("rsi(lenght=10)", "'rsi(lenght=10)': rsi has no parameter 'lenght'; it takes period, lower, upper and the exits stop, target, trail.")]
    [InlineData("rsi(period=10, period=12)", "'rsi(period=10, period=12)': period is given twice.")]
    [InlineData("rsi(lower=80)", "'rsi(lower=80)': no valid combination (lower (80) must be below upper (70)).")]
    [InlineData("rsi(period=21..7)", "'rsi(period=21..7)': the range of period runs backwards (21..7).")]
    [InlineData("rsi(period=7..21 step 0)", "'rsi(period=7..21 step 0)': the step of period must be positive.")]
    [InlineData("buy_hold(x=1)", "'buy_hold(x=1)': buy_hold takes no parameters but the exits stop, target, trail (got 'x').")]
    [InlineData("rsi; rm -rf /", "Unknown strategy 'rsi; rm -rf /'. Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold.")]
    public void BadText_GivesASpecificError(string text, string message)
    {
        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void GridLargerThanTheCap_IsRefusedBeforeExpanding()
    {
        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.Parse("rsi(period=2..1000, lower=1..29, upper=71..99)", maxCombinations: 29_400));

        Assert.Equal("The parameter grid has 840,159 combinations; the limit is 29,400. Use a coarser step or fewer parameters.", error.Message);
    }

    [Fact]
    public void ApplyParameters_SetsTheParameterOnEveryStrategyThatHasIt()
    {
        string text = StrategyParser.ApplyParameters("rsi(lower=25),macd,bollinger(k=1.5|2)", [("period", "7..21 step 7")]);

        Assert.Equal("rsi(period=7..21 step 7, lower=25),macd,bollinger(period=7..21 step 7, k=1.5|2)", text);
        Assert.Equal(3 + 1 + 6, StrategyParser.Parse(text).Parameters.Count);
    }

    [Fact]
    public void ApplyParameters_ThatNoStrategyTakes_IsAnError()
    {
        var error = Assert.Throws<StrategySpecException>(() => StrategyParser.ApplyParameters("rsi,macd", [("lookback", "5")]));

        Assert.Equal("No strategy in 'rsi,macd' takes a parameter 'lookback'.", error.Message);
    }
}
