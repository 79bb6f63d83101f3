using ClaudBot.Backtesting.Tests.Support;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Backtesting.Tests;

public sealed class StrategyTextTests : IDisposable
{
    private readonly BacktestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task UnknownStrategy_ThrowsWithSuggestionAndTheKnownNames()
    {
        var error = await Assert.ThrowsAsync<StrategySpecException>(
            () => _harness.RunAsync(Requests.Of("rsx", "TCS", "2022-01-01", "2022-12-31")));

        Assert.Equal("Unknown strategy 'rsx'. Did you mean rsi? Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold.", error.Message);
        Assert.Empty(_harness.CachedSymbols);
    }

    [Fact]
    public async Task NonNumericParameter_ThrowsNamingTheItemAndParameter()
    {
        var error = await Assert.ThrowsAsync<StrategySpecException>(
            () => _harness.RunAsync(Requests.Of("rsi(period=abc)", "TCS", "2022-01-01", "2022-12-31")));

        Assert.Equal("'rsi(period=abc)': period must be a number, not 'abc'.", error.Message);
    }

    [Fact]
    public async Task Grid_GivesOneResultPerCombinationPerSymbol()
    {
        var report = await _harness.RunAsync(Requests.Of("rsi(period=7..21 step 7, lower=25|30)", "TCS,INFY", "2022-01-01", "2022-12-31"));

        string[] combinations =
        [
            "rsi(period=7, lower=25, upper=70)", "rsi(period=7, lower=30, upper=70)",
            "rsi(period=14, lower=25, upper=70)", "rsi(period=14, lower=30, upper=70)",
            "rsi(period=21, lower=25, upper=70)", "rsi(period=21, lower=30, upper=70)",
        ];
        Assert.Equal(
            combinations.SelectMany(c => new[] { (c, "TCS"), (c, "INFY") }),
            report.Results.Select(r => (r.Strategy.ToString(), r.Symbol)));
        Assert.Empty(report.Notes);
    }

    [Fact]
    public async Task GridOverTheConfiguredMaxCombinations_IsRefusedBeforeLoading()
    {
        using var harness = new BacktestHarness(settings: new Dictionary<string, string?> { ["Backtest:MaxCombinations"] = "5" });

        var error = await Assert.ThrowsAsync<StrategySpecException>(
            () => harness.RunAsync(Requests.Of("rsi(period=7..21 step 7, lower=25|30)", "TCS", "2022-01-01", "2022-12-31")));

        Assert.Equal("The parameter grid has 6 combinations; the limit is 5. Use a coarser step or fewer parameters.", error.Message);
        Assert.Empty(harness.CachedSymbols);
    }

    [Fact]
    public async Task GridAtTheConfiguredMaxCombinations_Runs()
    {
        using var harness = new BacktestHarness(settings: new Dictionary<string, string?> { ["Backtest:MaxCombinations"] = "6" });

        var report = await harness.RunAsync(Requests.Of("rsi(period=7..21 step 7, lower=25|30)", "TCS", "2022-01-01", "2022-12-31"));

        Assert.Equal(6, report.Results.Count);
    }
}
