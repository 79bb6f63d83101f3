using ClaudBot.Backtesting.Tests.Support;

namespace ClaudBot.Backtesting.Tests;

public sealed class ReferenceTests : IDisposable
{
    private readonly BacktestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RelianceRsiAtTheDefaultCost_MatchesThePythonReference()
    {
        var expected = Reference.Find("rsi", "RELIANCE");
        var metrics = expected.GetProperty("metrics");
        var firstTrade = expected.GetProperty("trades")[0];

        var report = await _harness.RunAsync(Requests.Of("rsi(period=14, lower=30, upper=70)", "RELIANCE", "2021-01-01", "2026-12-31"));

        var result = Assert.Single(report.Results);
        Assert.Equal(Reference.Number(expected, "cost_bps"), report.CostBps);
        Assert.Equal(Reference.Date(expected, "from"), result.Range.From);
        Assert.Equal(Reference.Date(expected, "to"), result.Range.To);
        Assert.Equal(expected.GetProperty("bars").GetInt32(), result.Range.Count);
        Assert.Equal(0.3015691321059355, Reference.Number(metrics, "total_return"));
        Assert.Equal(Reference.Number(metrics, "total_return"), result.Metrics.TotalReturn, 1e-10);
        Assert.Equal(Reference.Number(metrics, "final_equity"), result.Metrics.FinalEquity, 1e-4);
        Assert.Equal(6, result.Metrics.Trades);
        Assert.Equal(metrics.GetProperty("trades").GetInt32(), result.Trades.Count);
        Assert.Equal(new DateOnly(2022, 9, 27), result.Trades[0].EntryDate);
        Assert.Equal(Reference.Date(firstTrade, "entry_date"), result.Trades[0].EntryDate);
        Assert.Equal(Reference.Number(firstTrade, "entry_price"), result.Trades[0].EntryPrice, 1e-9);
    }
}
