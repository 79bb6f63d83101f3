using ClaudBot.Backtesting.Tests.Support;

namespace ClaudBot.Backtesting.Tests;

public sealed class EquityTests : IDisposable
{
    private readonly BacktestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task IncludeEquity_GivesOneValuePerBarEndingAtFinalEquity()
    {
        var report = await _harness.RunAsync(Requests.Of("rsi,buy_hold", "TCS,INFY", "2022-01-01", "2022-12-31") with { IncludeEquity = true });

        Assert.Equal(4, report.Results.Count);
        Assert.All(report.Results, r =>
        {
            Assert.NotNull(r.Equity);
            Assert.Equal(r.Range.Count, r.Equity.Count);
            Assert.Equal(r.Metrics.FinalEquity, r.Equity[^1]);
        });
    }

    [Fact]
    public async Task WithoutIncludeEquity_ResultsCarryNoCurve()
    {
        var report = await _harness.RunAsync(Requests.Of("rsi", "TCS", "2022-01-01", "2022-12-31"));

        Assert.Null(Assert.Single(report.Results).Equity);
    }

    [Fact]
    public async Task EquityOfOneResult_RunsWithTheCapitalAndCostAsked_AndCarriesItsTrades()
    {
        var from = new DateOnly(2022, 1, 1);
        var to = new DateOnly(2022, 12, 31);
        var asConfigured = await _harness.Service.EquityAsync("rsi", "TCS", from, to, 10, null, null, CancellationToken.None);
        var halfCapital = await _harness.Service.EquityAsync("rsi", "TCS", from, to, 10, 500_000, null, CancellationToken.None);
        var run = Assert.Single((await _harness.RunAsync(Requests.Of("rsi", "TCS", "2022-01-01", "2022-12-31") with { CostBps = 10 })).Results);

        Assert.Equal(1_000_000, asConfigured.Equity[0], 6);
        Assert.Equal(500_000, halfCapital.Equity[0], 6);

        // Returns do not depend on the capital: each day's equity is the same multiple of it.
        Assert.Equal(asConfigured.Equity[^1] / 2, halfCapital.Equity[^1], 6);
        Assert.Equal(run.Trades, asConfigured.Trades);
        Assert.NotEmpty(asConfigured.Trades);
    }
}
