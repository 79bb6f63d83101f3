using ClaudBot.Backtesting.Tests.Support;
using ClaudBot.Engine.Data;

namespace ClaudBot.Backtesting.Tests;

public sealed class DateRangeTests : IDisposable
{
    private static readonly DateOnly FirstBar = new(2021, 1, 27);

    private readonly BacktestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RangeBeforeTheData_IsClippedWithOneNoteNamingEverySymbol()
    {
        var report = await _harness.RunAsync(Requests.Of("rsi,macd", "RELIANCE,TCS,INFY", "2020-01-01", "2022-12-31"));

        Assert.Equal(
            "RELIANCE, TCS, INFY: data covers 2021-01-27 to 2026-01-23, so ran 2021-01-27 to 2022-12-30 (asked 2020-01-01 to 2022-12-31).",
            Assert.Single(report.Notes));
        Assert.Equal(6, report.Results.Count);
        Assert.All(report.Results, r =>
        {
            Assert.Equal(FirstBar, r.Range.From);
            Assert.Equal(new DateOnly(2022, 12, 30), r.Range.To);
            Assert.Equal(new DateOnly(2020, 1, 1), r.Range.RequestedFrom);
            Assert.True(r.Range.IsClipped);
        });
    }

    [Fact]
    public async Task RangeWithNoData_ThrowsNamingTheDataSpan()
    {
        var error = await Assert.ThrowsAsync<DateRangeException>(
            () => _harness.RunAsync(Requests.Of("rsi", "TCS", "2010-01-01", "2010-12-31")));

        Assert.Equal("TCS has bars from 2021-01-27 to 2026-01-23; nothing falls in 2010-01-01 to 2010-12-31.", error.Message);
    }

    [Fact]
    public async Task InvertedRange_ThrowsBeforeLoadingAnything()
    {
        var error = await Assert.ThrowsAsync<DateRangeException>(
            () => _harness.RunAsync(Requests.Of("rsi", "TCS", "2022-12-31", "2022-01-01")));

        Assert.Equal("The range 2022-12-31 to 2022-01-01 is inverted: 'from' must not be after 'to'.", error.Message);
        Assert.Empty(_harness.CachedSymbols);
    }

    [Fact]
    public async Task InvertedRange_IsReportedBeforeABadStrategyOrSymbol()
    {
        var error = await Assert.ThrowsAsync<DateRangeException>(
            () => _harness.RunAsync(Requests.Of("rsx", "NOSUCH", "2022-12-31", "2022-01-01")));

        Assert.StartsWith("The range 2022-12-31 to 2022-01-01 is inverted", error.Message, StringComparison.Ordinal);
    }
}
