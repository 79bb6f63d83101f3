using ClaudBot.Backtesting.Tests.Support;

namespace ClaudBot.Backtesting.Tests;

public sealed class CostTests : IDisposable
{
    private readonly BacktestHarness _harness = new(settings: new Dictionary<string, string?> { ["Backtest:CostBps"] = "25" });

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RequestWithoutCost_UsesTheConfiguredCost()
    {
        var report = await _harness.RunAsync(Requests.Of("macd", "TCS", "2022-01-01", "2022-12-31"));

        Assert.Equal(25, report.CostBps);
        Assert.Equal(25, Assert.Single(report.Results).CostBps);
    }

    [Fact]
    public async Task RequestWithCost_OverridesTheConfiguredCostAndChangesTheMetrics()
    {
        var configured = await _harness.RunAsync(Requests.Of("macd", "TCS", "2022-01-01", "2022-12-31"));
        var free = await _harness.RunAsync(Requests.Of("macd", "TCS", "2022-01-01", "2022-12-31") with { CostBps = 0 });

        Assert.Equal(0, free.CostBps);
        Assert.Equal(0, Assert.Single(free.Results).CostBps);
        var paid = Assert.Single(configured.Results).Metrics;
        var unpaid = free.Results[0].Metrics;
        Assert.Equal(paid.Trades, unpaid.Trades);
        Assert.True(paid.Trades > 0, "the comparison needs trades to charge");
        Assert.True(unpaid.FinalEquity > paid.FinalEquity, $"without costs {unpaid.FinalEquity} should beat {paid.FinalEquity}");
    }

    [Fact]
    public async Task NegativeCost_ThrowsArgumentOutOfRange()
    {
        var request = Requests.Of("macd", "TCS", "2022-01-01", "2022-12-31") with { CostBps = -1 };

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _harness.RunAsync(request));

        Assert.Equal("CostBps", error.ParamName);
        Assert.Equal(-1.0, error.ActualValue);
        Assert.StartsWith("Cost must be at least 0 and below 10000 basis points per side.", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.CachedSymbols);
    }
}
