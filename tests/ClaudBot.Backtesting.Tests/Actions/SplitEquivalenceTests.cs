using ClaudBot.Backtesting.Execution;
using ClaudBot.Backtesting.Tests.Support;
using ClaudBot.Engine;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Backtesting.Tests.Actions;

/// <summary>
/// The proof: a backtest across a split in raw data, adjusted through <c>actions.csv</c>, gives the numbers of
/// the same backtest on the pre-adjusted data: metrics to 1e-9 relative and trades on the same dates.
/// </summary>
public sealed class SplitEquivalenceTests : IDisposable
{
    private readonly SplitDataSet _data = new("TCS", new DateOnly(2023, 6, 1));

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("rsi,sma_cross", "default")]
    [InlineData("rsi,sma_cross", "zerodha-delivery")]
    [InlineData("buy when rsi(2) < 10, sell when rsi(2) > 70", "default")]
    [InlineData("buy when rsi(2) < 10, sell when rsi(2) > 70", "zerodha-delivery")]
    public async Task BacktestAcrossASplit_InRawDataWithActionsCsv_EqualsTheBacktestOnPreAdjustedData(string strategies, string execution)
    {
        var request = Requests.Of(strategies, "TCS", "2021-01-01", "2026-01-31") with
        {
            Execution = execution == "default" ? null : new ExecutionChoice(execution, WholeShares: true),
        };

        var expected = await RunAsync(_data.Original.Path, request);
        var actual = await RunAsync(_data.Raw.Path, request);

        Assert.Equal(strategies.StartsWith("buy", StringComparison.Ordinal) ? 1 : 2, expected.Results.Count);
        Assert.Equal(expected.Results.Count, actual.Results.Count);
        for (int i = 0; i < expected.Results.Count; i++)
        {
            AssertSame(expected.Results[i], actual.Results[i]);
        }
    }

    [Fact]
    public async Task RawDataWithoutTheActionsLine_ShowsTheSplitAsACrash()
    {
        File.Delete(_data.Raw.Combine("actions.csv"));
        var request = Requests.Of("buy_hold", "TCS", "2023-05-25", "2023-06-07");

        var original = Assert.Single((await RunAsync(_data.Original.Path, request)).Results);
        var raw = Assert.Single((await RunAsync(_data.Raw.Path, request)).Results);

        Assert.True(raw.Metrics.TotalReturn < original.Metrics.TotalReturn - 0.4, $"raw {raw.Metrics.TotalReturn}, original {original.Metrics.TotalReturn}");
    }

    private static async Task<BacktestReport> RunAsync(string directory, BacktestRequest request)
    {
        using var harness = new BacktestHarness(directory);
        return await harness.RunAsync(request);
    }

    private static void AssertSame(BacktestResult expected, BacktestResult actual)
    {
        Assert.Equal(expected.Strategy.Name, actual.Strategy.Name);
        AssertClose(expected.Metrics, actual.Metrics);
        Assert.Equal(expected.Trades.Select(t => (t.EntryDate, t.ExitDate, t.Shares)), actual.Trades.Select(t => (t.EntryDate, t.ExitDate, t.Shares)));
        Assert.True(expected.Metrics.Trades > 0, $"{expected.Strategy.Name} made no trade, so it proves nothing");
        AssertClose(expected.Market!.Benchmark, actual.Market!.Benchmark);
        AssertClose(expected.Market.Beta, actual.Market.Beta);
        AssertClose(expected.Market.Alpha, actual.Market.Alpha);
    }

    private static void AssertClose(BacktestMetrics expected, BacktestMetrics actual)
    {
        foreach (var property in typeof(BacktestMetrics).GetProperties())
        {
            var (e, a) = (property.GetValue(expected), property.GetValue(actual));
            if (e is double or int || Nullable.GetUnderlyingType(property.PropertyType) == typeof(double))
            {
                AssertClose(e is null ? null : Convert.ToDouble(e, System.Globalization.CultureInfo.InvariantCulture), a is null ? null : Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture), property.Name);
            }
        }
    }

    private static void AssertClose(double? expected, double? actual, string what = "value")
    {
        if (expected is not { } e || actual is not { } a)
        {
            Assert.Equal(expected, actual);
            return;
        }

        Assert.True(e.Equals(a) || Math.Abs(e - a) <= 1e-9 * Math.Max(Math.Abs(e), Math.Abs(a)), $"{what}: expected {e:R}, got {a:R}");
    }
}
