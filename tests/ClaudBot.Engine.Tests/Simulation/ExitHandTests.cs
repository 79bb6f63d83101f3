using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Simulation;

/// <summary>
/// Stops, targets and trailing stops on hand-made bars (no charges, so prices read straight off). Buy and hold
/// signals long at bar 0's close and enters at bar 1's open.
/// </summary>
public sealed class ExitHandTests
{
    private static BacktestResult Run(BarSeries bars, ExitRules exits, StrategyParameters? strategy = null) =>
        new Backtester().Run(
            (strategy ?? StrategyCatalog.BuyHold.Defaults).WithExits(exits), bars, new BarRange(0, bars.Count - 1, bars.FirstDate, bars.LastDate, bars.FirstDate, bars.LastDate),
            new SimulationSettings(), includeEquity: true);

    [Fact]
    public void GapThroughTheStop_FillsAtTheOpen_NotAtTheStop()
    {
        // Entry at 100, stop 5% at 95; bar 2 opens at 90, below the stop.
        var bars = TestBars.FromOhlc([100, 100, 90, 91], [100, 101, 92, 92], [100, 99, 88, 90], [100, 100, 91, 91]);

        var result = Run(bars, new ExitRules(Stop: 0.05));

        var trade = Assert.Single(result.Trades);
        Assert.Equal((bars.DateAt(1), bars.DateAt(2), 90.0, ExitReason.Stop), (trade.EntryDate, trade.ExitDate, trade.ExitPrice, trade.Reason));
        Assert.Equal(-0.1, trade.Return, 12);
        Assert.Equal(900_000, result.Metrics.FinalEquity, 6);
    }

    [Fact]
    public void StopAndTargetInOneBar_TheStopWins()
    {
        // Stop 5% at 95, target 10% at 110; bar 2 opens at 100 and trades 94 to 112.
        var bars = TestBars.FromOhlc([100, 100, 100, 100], [100, 101, 112, 100], [100, 99, 94, 100], [100, 100, 100, 100]);

        var result = Run(bars, new ExitRules(Stop: 0.05, Target: 0.10));

        var trade = Assert.Single(result.Trades);
        Assert.Equal((95.0, ExitReason.Stop), (trade.ExitPrice, trade.Reason));
        Assert.Equal(950_000, result.Metrics.FinalEquity, 6);
    }

    [Fact]
    public void Target_FillsAtTheTarget_WhenTheHighReachesIt_OnTheEntryBar()
    {
        var bars = TestBars.FromOhlc([100, 100, 100], [100, 111, 100], [100, 99, 100], [100, 105, 100]);

        var result = Run(bars, new ExitRules(Target: 0.10));

        var trade = Assert.Single(result.Trades);
        Assert.Equal((bars.DateAt(1), ExitReason.Target), (trade.ExitDate, trade.Reason));
        Assert.Equal(110.0, trade.ExitPrice, 12);
        Assert.Equal(0, result.Metrics.Exposure);
    }

    [Fact]
    public void Trail_RatchetsUpWithTheHighestClose_AndIgnoresTheEntryBar()
    {
        // Trail 10%. The entry bar's low (80) is not checked; bar 2's level is 90 (close 100), bar 3's 108
        // (close 120), bar 4's 117 (close 130): bar 4 opens at 125 and reaches 116, so it fills at 117.
        var bars = TestBars.FromOhlc(
            [100, 100, 100, 118, 125, 120],
            [100, 101, 120, 131, 126, 121],
            [100, 80, 100, 110, 116, 119],
            [100, 100, 120, 130, 118, 120]);

        var result = Run(bars, new ExitRules(Trail: 0.10));

        var trade = Assert.Single(result.Trades);
        Assert.Equal((bars.DateAt(4), 117.0, ExitReason.Trail), (trade.ExitDate, trade.ExitPrice, trade.Reason));
        Assert.Equal(0.17, trade.Return, 12);
    }

    [Fact]
    public void AfterAStop_ANewEntryWaitsForTheSignalToBeFlatOnce()
    {
        // momentum(1): long at bar 1 (11 > 10), entry at bar 2's open 11; the 5% stop (10.45) is hit on bar 2.
        // Bars 2 and 3 still close up (no re-entry); bar 4 closes down (flat); bar 5 up again: entry at bar 6's open.
        var opens = new double[] { 10, 10.5, 11, 12.5, 13, 12, 13 };
        var closes = new double[] { 10, 11, 12, 13, 12, 13, 13.5 };
        var lows = new double[] { 10, 10.5, 10, 12.5, 12, 12, 13 };
        var highs = opens.Zip(closes, Math.Max).ToArray();
        var bars = TestBars.FromOhlc(opens, highs, lows, closes);
        var momentum = StrategyCatalog.Momentum.Create(new Dictionary<string, double> { ["lookback"] = 1 });

        var result = Run(bars, new ExitRules(Stop: 0.05), momentum);

        Assert.Equal(2, result.Trades.Count);
        Assert.Equal((bars.DateAt(2), 11 * 0.95, ExitReason.Stop), (result.Trades[0].ExitDate, result.Trades[0].ExitPrice, result.Trades[0].Reason));
        Assert.Equal((bars.DateAt(6), 13.0, true), (result.Trades[1].EntryDate, result.Trades[1].EntryPrice, result.Trades[1].IsOpen));
    }
}
