using ClaudBot.Backtesting.Costs;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Backtesting.Tests.Support;
using ClaudBot.Engine.Simulation;
using Microsoft.Extensions.Options;

namespace ClaudBot.Backtesting.Tests;

public sealed class ExecutionSettingsTests
{
    private static readonly CostModels Models = new(Path.Combine(AppContext.BaseDirectory, "costs"), null);

    private static SimulationSettings Build(ExecutionChoice? choice, double? costBps = null, BacktestOptions? options = null) =>
        ExecutionSettings.Build(options ?? new BacktestOptions(), Models, choice, costBps, null);

    [Fact]
    public void NothingAsked_IsTodaysSettingsExactly()
    {
        Assert.Equal(new SimulationSettings(10, 1_000_000) { WholeShares = false }, Build(null));
    }

    [Fact]
    public void ZerodhaDelivery_CarriesTheWholeModel_AndWholeShares()
    {
        var settings = Build(new ExecutionChoice("zerodha-delivery", 5, "pct:25"));

        Assert.Equal(new SimulationSettings(0, 1_000_000)
        {
            Costs = Models.Resolve("zerodha-delivery"),
            SlippageBps = 5,
            Sizing = new PositionSizing(SizingKind.Percent, 25),
            WholeShares = true,
        }, settings);
        Assert.Equal("zerodha-delivery", ExecutionSettings.CostsName(settings));
    }

    [Fact]
    public void RecordedModel_IsChargedAsRecorded_NotAsTheFileNowSays()
    {
        // A job planned before the file's brokerage cap went from 20 to 15 rupees: its rerun (a chart) charges 20.
        var recorded = Models.Resolve("zerodha-intraday");
        var changed = recorded with { BrokerageFlat = 15 };

        var settings = ExecutionSettings.Build(new BacktestOptions(), Models, new ExecutionChoice("zerodha-intraday") { Model = recorded }, null, null);
        var rerunOfChanged = ExecutionSettings.Build(new BacktestOptions(), Models, new ExecutionChoice("zerodha-intraday") { Model = changed }, null, null);

        Assert.Same(recorded, settings.Costs);
        Assert.Equal(15, rerunOfChanged.Costs!.BrokerageFlat);
    }

    [Fact]
    public void WholeSharesAsked_BeatsTheModelDefault()
    {
        Assert.Equal(false, Build(new ExecutionChoice("zerodha-intraday", WholeShares: false)).WholeShares);
        Assert.Equal(true, Build(new ExecutionChoice("bps:3", WholeShares: true)).WholeShares);
    }

    [Fact]
    public void BpsModel_IsTheCostBpsOfToday()
    {
        var settings = Build(new ExecutionChoice("bps:3", Size: "amount:50000"));

        Assert.Equal(new SimulationSettings(3, 1_000_000) { Sizing = new PositionSizing(SizingKind.Amount, 50_000), WholeShares = false }, settings);
        Assert.Equal("bps:3", ExecutionSettings.CostsName(settings));
    }

    [Fact]
    public void ConfiguredCosts_WinOverConfiguredCostBps()
    {
        var options = new BacktestOptions { CostBps = 7, Costs = "zerodha-intraday", SlippageBps = 2, Sizing = "pct:50", WholeShares = false };

        var settings = Build(null, options: options);

        Assert.Equal("zerodha-intraday", settings.Costs!.Name);
        Assert.Equal(2, settings.SlippageBps);
        Assert.Equal(new PositionSizing(SizingKind.Percent, 50), settings.Sizing);
        Assert.Equal(false, settings.WholeShares);
        Assert.Equal(7, Build(null, options: new BacktestOptions { CostBps = 7 }).CostBps);
    }

    [Fact]
    public void CostBpsAndCostsTogether_AreRefused()
    {
        var error = Assert.Throws<CostModelException>(() => Build(new ExecutionChoice("zerodha-delivery"), costBps: 5));

        Assert.Equal("give a cost model (costs) or a cost in basis points (cost_bps), not both.", error.Message);
    }

    [Fact]
    public void AmountAboveTheCapital_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(new ExecutionChoice(Size: "amount:2000000")));

        Assert.Equal("A size of Rs 2000000 must be above 0 and at most the initial capital (Rs 1000000).", InputErrors.Describe(error));
    }

    [Fact]
    public void SlippageOutOfRange_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Build(new ExecutionChoice(SlippageBps: -1)));

        Assert.Equal("Slippage must be at least 0 and below 10000 basis points.", InputErrors.Describe(error));
    }

    [Theory]
    [InlineData("all", SizingKind.All, 0, "all")]
    [InlineData(" PCT:12.5 ", SizingKind.Percent, 12.5, "pct:12.5")]
    [InlineData("pct:10%", SizingKind.Percent, 10, "pct:10")]
    [InlineData("amount:50000", SizingKind.Amount, 50_000, "amount:50000")]
    public void Sizing_ReadsAndWritesBack(string text, SizingKind kind, double value, string canonical)
    {
        var sizing = SizingText.Parse(text);

        Assert.Equal(new PositionSizing(kind, value), sizing);
        Assert.Equal(canonical, SizingText.Format(sizing));
    }

    [Theory]
    [InlineData("pct:0", "'pct:0' is not a size: pct:P needs P above 0 and at most 100, e.g. pct:10.")]
    [InlineData("pct:101", "'pct:101' is not a size: pct:P needs P above 0 and at most 100, e.g. pct:10.")]
    [InlineData("amount:-5", "'amount:-5' is not a size: amount:A needs A above 0 rupees, e.g. amount:50000.")]
    [InlineData("half", "'half' is not a size: write all, pct:P (P% of equity) or amount:A (A rupees).")]
    public void BadSizing_IsOneLine(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<SizeFormatException>(() => SizingText.Parse(text)).Message);
    }

    [Fact]
    public async Task Request_CarriesItsExecutionToTheRun()
    {
        using var harness = new BacktestHarness();

        var run = await harness.Service.StartAsync(
            Requests.Of("buy_hold", "TCS", "2022-01-03", "2022-01-31") with { Execution = new ExecutionChoice("zerodha-delivery", 5, "pct:10", false) }, CancellationToken.None);

        Assert.Equal(Models.Resolve("zerodha-delivery"), run.Settings.Costs);
        Assert.Equal(5, run.Settings.SlippageBps);
        Assert.Equal(new PositionSizing(SizingKind.Percent, 10), run.Settings.Sizing);
        Assert.Equal(false, run.Settings.WholeShares);
    }

    [Fact]
    public void UnknownConfiguredCosts_FailValidationAtStart()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => new BacktestHarness(settings: new Dictionary<string, string?> { ["Backtest:Costs"] = "zerodha-delvery" }));

        Assert.Equal(
            "Configuration is invalid: Backtest: unknown cost model 'zerodha-delvery': did you mean zerodha-delivery? Known: bps:N, zerodha-delivery, zerodha-intraday",
            InputErrors.Describe(error));
    }

    [Fact]
    public void BadConfiguredSizing_FailsValidationAtStart()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => new BacktestHarness(settings: new Dictionary<string, string?> { ["Backtest:Sizing"] = "half" }));

        Assert.Equal("Configuration is invalid: Backtest: 'half' is not a size: write all, pct:P (P% of equity) or amount:A (A rupees).", InputErrors.Describe(error));
    }
}
