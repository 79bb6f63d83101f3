using ClaudBot.Engine.Data;
using ClaudBot.Engine.Portfolio;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Portfolio;

/// <summary>Portfolio settings that cannot run are refused before anything runs, each with one line that says why.</summary>
public sealed class PortfolioRefusalTests
{
    private static readonly DateOnly From = TestBars.Monday;
    private static readonly DateOnly To = TestBars.Monday.AddDays(9);

    private static BarSeries Bars(string symbol)
    {
        var closes = Enumerable.Range(0, 10).Select(i => 100.0 + i).ToArray();
        var days = Enumerable.Range(0, closes.Length).Select(i => From.DayNumber + i).ToArray();
        return new BarSeries(symbol, days, closes, closes, closes, closes, new double[closes.Length]);
    }

    private static PortfolioSettings Settings(BarSeries[] symbols, int maxPositions = 2) =>
        new(symbols, From, To, StrategyCatalog.BuyHold.Defaults, maxPositions);

    private static string Refusal(Action run)
    {
        string message = Assert.Throws<PortfolioException>(run).Message;
        Assert.DoesNotContain('\n', message);
        return message;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxPositionsBelowOne_IsRefused(int maxPositions) =>
        Assert.Equal($"max_positions must be at least 1 (got {maxPositions}).", Refusal(() => PortfolioSimulator.Run(Settings([Bars("AAA")], maxPositions))));

    [Fact]
    public void SizeAll_IsRefused() =>
        Assert.Equal(
            "A portfolio's size cannot be 'all': with several slots it has no meaning; use slots, pct:P or amount:A.",
            Refusal(() => PortfolioSizing.Parse("all")));

    [Fact]
    public void ExecutionSizing_IsRefused() =>
        Assert.StartsWith(
            "A portfolio is sized by its size",
            Refusal(() => PortfolioSimulator.Run(Settings([Bars("AAA")]) with { Execution = new() { Sizing = new(SizingKind.Percent, 50) } })));

    [Fact]
    public void NoSymbols_IsRefused() =>
        Assert.Equal("A portfolio needs at least one symbol.", Refusal(() => PortfolioSimulator.Run(Settings([]))));

    [Fact]
    public void DuplicateSymbols_AreRefused() =>
        Assert.Equal(
            "INFY is named twice: a portfolio's symbols must be distinct.",
            Refusal(() => PortfolioSimulator.Run(Settings([Bars("INFY"), Bars("TCS"), Bars("INFY")]))));

    [Fact]
    public void BadSlippage_IsRefusedInOneLine() =>
        Assert.Equal(
            "Slippage must be at least 0 and below 10000 basis points.",
            Refusal(() => PortfolioSimulator.Run(Settings([Bars("AAA")]) with { Execution = new() { SlippageBps = -1 } })));

    [Fact]
    public void PercentAboveHundred_IsRefused() =>
        Assert.Equal(
            "A size of 150% of equity must be above 0% and at most 100%.",
            Refusal(() => PortfolioSimulator.Run(Settings([Bars("AAA")]) with { Size = PortfolioSizing.Parse("pct:150") })));

    [Theory]
    [InlineData("momentum(0)")]
    [InlineData("momentum(x)")]
    [InlineData("volume")]
    public void UnknownRanking_IsRefused(string rank) => Refusal(() => PortfolioRanking.Parse(rank));

    [Fact]
    public void StrategyForASymbolOutsideTheUniverse_IsRefused() =>
        Assert.Equal(
            "A strategy is given for SBIN, which is not one of the portfolio's symbols.",
            Refusal(() => PortfolioSimulator.Run(Settings([Bars("AAA")]) with { PerSymbol = new Dictionary<string, StrategyParameters> { ["SBIN"] = StrategyCatalog.Rsi.Defaults } })));

    /// <summary>The contract: a new built-in must add its strength, so every one in the catalogue has one.</summary>
    [Fact]
    public void EveryBuiltIn_HasAStrength()
    {
        var closes = Enumerable.Range(0, 300).Select(i => 100 + (10 * Math.Sin(i / 7.0))).ToArray();
        foreach (var definition in StrategyCatalog.All)
        {
            var strength = Strength.Series(definition.Defaults, closes);
            Assert.Equal(closes.Length, strength.Length);
            Assert.True(double.IsFinite(strength[^1]), $"{definition.Name} has no strength at the last bar");
        }
    }
}
