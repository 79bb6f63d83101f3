using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Simulation;

/// <summary>
/// A backtester computes each indicator series (RSI averages, rolling sums, EMAs, Bollinger sums) once per bar series and
/// shares it between the backtests it runs (as a worker runs a chunk): every result is the one a fresh backtester gives,
/// whatever ran before it on which bars. (That a shared series gives the inline indicator's bits is checked by the
/// kernel-against-rule equivalence over the 49 symbols and by the reference tests.)
/// </summary>
public sealed class SharedSeriesTests
{
    [Fact]
    public void SweepsOfEveryKernelWithASeries_InterleavedOverTwoSymbols_GiveEachResultAFreshBacktesterGives()
    {
        var tcs = TestBars.Load("TCS");
        var infy = TestBars.Load("INFY");
        var settings = new SimulationSettings(CostBps: 10);
        var sets = StrategyParser.Parse(
            "rsi(period=2|14|30, lower=20|35, upper=65|80), sma_cross(fast=5|10|20, slow=20|50), macd(fast=8|12, slow=26|30, signal=5|9), bollinger(period=10|20, k=1.5|2|2.5)").Parameters;
        var shared = new Backtester();
        int compared = 0;

        // TCS, INFY, TCS again: the series of INFY's bars must not serve TCS, nor the other way round.
        foreach (var bars in new[] { tcs, infy, tcs })
        {
            int from = bars.Count / 4;
            var range = new BarRange(from, bars.Count - 1, bars.DateAt(from), bars.LastDate, bars.DateAt(from), bars.LastDate);
            foreach (var strategy in sets)
            {
                var expected = new Backtester().Run(strategy, bars, range, settings);
                var actual = shared.Run(strategy, bars, range, settings);
                Assert.True(expected.Metrics == actual.Metrics, $"{bars.Symbol} {strategy}: fresh {expected.Metrics}, shared {actual.Metrics}");
                Assert.Equal(expected.Trades, actual.Trades);
                compared++;
            }
        }

        // 12 rsi, 5 sma_cross (fast 20 with slow 20 is skipped: fast must be below slow), 8 macd and 6 bollinger sets,
        // on 3 runs of bars.
        Assert.Equal(93, compared);
    }

    [Fact]
    public void Rsi_OnFewerBarsThanItsPeriod_NeverTrades()
    {
        var bars = TestBars.FromCloses(10, 11, 9, 12, 8);
        var range = new BarRange(0, 4, bars.FirstDate, bars.LastDate, bars.FirstDate, bars.LastDate);

        var result = new Backtester().Run(StrategyParser.Parse("rsi(period=14)").Parameters[0], bars, range, new SimulationSettings(CostBps: 10));

        Assert.Empty(result.Trades);
        Assert.Equal(0, result.Metrics.TotalReturn);
    }
}
