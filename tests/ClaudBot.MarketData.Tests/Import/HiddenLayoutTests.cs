using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.MarketData.Csv;
using ClaudBot.MarketData.Import;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Import;

/// <summary>A bundled symbol written in each hidden layout reads back to the very same bars and backtests.</summary>
public sealed class HiddenLayoutTests : IDisposable
{
    private static readonly BarSeries Canonical = CsvBarReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "TCS.csv")).Bars;
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<HiddenLayout> Layouts => [.. HiddenLayout.All];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Read_HiddenLayout_GivesTheCanonicalBarsExactly(HiddenLayout layout)
    {
        var series = Assert.Single(BarFileReader.Read(_folder.Write("TCS.csv", layout.Write(Canonical))));

        Assert.Equal("TCS", series.Symbol);
        Assert.Equal(1238, series.Bars.Count);
        Assert.Equal(Canonical.Days, series.Bars.Days);
        Assert.Equal(Canonical.Open, series.Bars.Open);
        Assert.Equal(Canonical.High, series.Bars.High);
        Assert.Equal(Canonical.Low, series.Bars.Low);
        Assert.Equal(Canonical.Close, series.Bars.Close);
        Assert.Equal(Canonical.Volume, series.Bars.Volume);
        Assert.Empty(series.Skipped);
        Assert.Empty(series.Splits);
        Assert.Equal("import:TCS.csv", series.Source);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Backtest_OnHiddenLayout_GivesTheCanonicalMetrics(HiddenLayout layout)
    {
        var bars = Assert.Single(BarFileReader.Read(_folder.Write("TCS.csv", layout.Write(Canonical)))).Bars;
        var settings = new SimulationSettings(CostBps: 10);

        foreach (var strategy in new[] { StrategyCatalog.Rsi.Defaults, StrategyCatalog.SmaCross.Defaults })
        {
            var expected = new Backtester().RunMetrics(strategy, Canonical, BarRange.Resolve(Canonical, DateOnly.MinValue, DateOnly.MaxValue), settings);
            var actual = new Backtester().RunMetrics(strategy, bars, BarRange.Resolve(bars, DateOnly.MinValue, DateOnly.MaxValue), settings);

            Assert.True(expected.Trades > 0, $"{strategy} made no trades, so the comparison would prove little");
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Read_TheBundledFileItself_GivesTheCanonicalBarsAndNoSplits()
    {
        var series = Assert.Single(BarFileReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "TCS.csv")));

        Assert.Equal(Canonical.Days, series.Bars.Days);
        Assert.Equal(Canonical.Close, series.Bars.Close);
        Assert.Equal(Canonical.Volume, series.Bars.Volume);
        Assert.Empty(series.Splits);
    }
}
