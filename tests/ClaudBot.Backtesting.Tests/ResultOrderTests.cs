using ClaudBot.Backtesting.Tests.Support;

namespace ClaudBot.Backtesting.Tests;

public sealed class ResultOrderTests : IDisposable
{
    private readonly BacktestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Results_AreStrategyMajorThenSymbolInRequestOrder()
    {
        var report = await _harness.RunAsync(Requests.Of("rsi,macd", "TCS,RELIANCE,INFY", "2022-01-01", "2022-12-31"));

        Assert.Equal(
            [("rsi", "TCS"), ("rsi", "RELIANCE"), ("rsi", "INFY"), ("macd", "TCS"), ("macd", "RELIANCE"), ("macd", "INFY")],
            report.Results.Select(r => (r.Strategy.Name, r.Symbol)));
    }

    [Fact]
    public async Task Results_InsideTheData_HaveNoNotesAndTheTradingDaysOfTheRange()
    {
        var report = await _harness.RunAsync(Requests.Of("rsi", "TCS", "2022-01-01", "2022-12-31"));

        var result = Assert.Single(report.Results);
        Assert.Empty(report.Notes);
        Assert.False(result.Range.IsClipped);
        Assert.Equal(new DateOnly(2022, 1, 3), result.Range.From);
        Assert.Equal(new DateOnly(2022, 12, 30), result.Range.To);
        Assert.Equal(1_000_000, report.InitialCapital);
    }

    [Fact]
    public async Task ValidRequest_CachesItsSymbolsAndTheMarketIndexConstituents()
    {
        await _harness.RunAsync(Requests.Of("rsi,macd", "TCS,INFY", "2022-01-01", "2022-12-31"));

        // The market beside each result (beta, alpha) is an index of every bundled symbol, built once per data folder.
        var bundled = Directory.EnumerateFiles(BacktestHarness.BundledData, "*.csv").Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != "aliases").Order(StringComparer.Ordinal);
        Assert.Equal(bundled, _harness.CachedSymbols);
        Assert.Equal(49, _harness.CachedSymbols.Count);
    }
}
