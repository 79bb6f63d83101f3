using ClaudBot.Backtesting.Tests.Support;
using Microsoft.Extensions.Options;

namespace ClaudBot.Backtesting.Tests;

public sealed class OptionsTests
{
    [Fact]
    public async Task DefaultOptions_Are10BpsAndAMillion()
    {
        using var harness = new BacktestHarness();

        var report = await harness.RunAsync(Requests.Of("buy_hold", "TCS", "2022-01-03", "2022-01-03"));

        Assert.Equal(10, report.CostBps);
        Assert.Equal(1_000_000, report.InitialCapital);
    }

    [Fact]
    public void NegativeConfiguredCost_FailsValidationAtStart()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => new BacktestHarness(settings: new Dictionary<string, string?> { ["Backtest:CostBps"] = "-5" }));

        Assert.Equal(typeof(BacktestOptions), error.OptionsType);
        Assert.Contains("CostBps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroMaxCombinations_FailsValidationAtStart()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => new BacktestHarness(settings: new Dictionary<string, string?> { ["Backtest:MaxCombinations"] = "0" }));

        Assert.Contains("MaxCombinations", error.Message, StringComparison.Ordinal);
    }
}
