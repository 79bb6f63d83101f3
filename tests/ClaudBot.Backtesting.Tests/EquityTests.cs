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
}
