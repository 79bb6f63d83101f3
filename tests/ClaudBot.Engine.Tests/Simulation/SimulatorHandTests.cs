using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Simulation;

/// <summary>Small series worked out by hand, one bar per calendar day.</summary>
public sealed class SimulatorHandTests
{
    private static BacktestResult Run(BarSeries bars, StrategyParameters strategy, double costBps = 0, bool equity = false) =>
        new Backtester().Run(strategy, bars, new BarRange(0, bars.Count - 1, bars.FirstDate, bars.LastDate, bars.FirstDate, bars.LastDate), new SimulationSettings(costBps), equity);

    private static StrategyParameters Momentum1 => StrategyCatalog.Momentum.Create(new Dictionary<string, double> { ["lookback"] = 1 });

    [Fact]
    public void BuyHold_FiveBars_EveryMetricAsWorkedOut()
    {
        // Signal long at bar 0's close, filled at bar 1's open (100): 10,000 shares, no cash left.
        // Equity: 1.0M, 1.1M, 0.99M, 1.21M, 1.1M.
        var bars = TestBars.FromOpenClose([100, 100, 105, 100, 120], [100, 110, 99, 121, 110]);

        var result = Run(bars, StrategyCatalog.BuyHold.Defaults, equity: true);

        double[] r = [0.1, (990_000.0 / 1_100_000) - 1, (1_210_000.0 / 990_000) - 1, (1_100_000.0 / 1_210_000) - 1];
        double mean = r.Average();
        double std = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / 3);
        double downside = Math.Sqrt(r.Sum(x => Math.Min(x, 0) * Math.Min(x, 0)) / 4);
        double cagr = Math.Pow(1.1, 365.25 / 4) - 1;
        var m = result.Metrics;
        Assert.Equal([1_000_000, 1_100_000, 990_000, 1_210_000, 1_100_000], result.Equity!.Select(e => Math.Round(e, 6)));
        Assert.Equal(0.1, m.TotalReturn, 12);
        Assert.Equal(cagr, m.Cagr, 9);
        Assert.Equal(std * Math.Sqrt(252), m.Volatility, 12);
        Assert.Equal(mean / std * Math.Sqrt(252), m.Sharpe, 12);
        Assert.Equal(mean / downside * Math.Sqrt(252), m.Sortino, 12);
        Assert.Equal(-0.1, m.MaxDrawdown, 12);
        Assert.Equal(cagr / 0.1, m.Calmar, 8);
        Assert.Equal(1, m.Trades);
        Assert.Equal(1, m.WinRate);
        Assert.Null(m.ProfitFactor);
        Assert.Equal(0.8, m.Exposure, 12);
        Assert.Equal(1_100_000, m.FinalEquity, 6);
    }

    [Fact]
    public void BuyHold_TotalReturn_IsThePriceRatioLessCosts()
    {
        var bars = TestBars.Load("TCS");
        var range = BarRange.Resolve(bars, new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31));

        var result = new Backtester().Run(StrategyCatalog.BuyHold.Defaults, bars, range, new SimulationSettings(CostBps: 20));

        double expected = (bars.Close[range.End] / (bars.Open[range.Start + 1] * 1.002)) - 1;
        Assert.Equal(expected, result.Metrics.TotalReturn, 12);
        Assert.Equal(bars.DateAt(range.Start + 1), result.Trades.Single().EntryDate);
        Assert.True(result.Trades.Single().IsOpen);
    }

    [Fact]
    public void Fill_HappensAtTheNextBarsOpen_NeverOnTheSignalBar()
    {
        // momentum(1): bar 1 closes up (11 > 10) -> long, filled at bar 2's open 11.5;
        // bar 3 closes down -> flat, filled at bar 4's open 10.5.
        var bars = TestBars.FromOpenClose([10, 10.5, 11.5, 12.5, 10.5], [10, 11, 12, 11, 11]);

        var result = Run(bars, Momentum1, costBps: 100);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(bars.DateAt(2), trade.EntryDate);
        Assert.Equal(11.5, trade.EntryPrice);
        Assert.Equal(bars.DateAt(4), trade.ExitDate);
        Assert.Equal(10.5, trade.ExitPrice);
        Assert.False(trade.IsOpen);
        Assert.Equal((10.5 * 0.99 / (11.5 * 1.01)) - 1, trade.Return, 14);
        Assert.Equal(1_000_000 / (11.5 * 1.01) * 10.5 * 0.99, result.Metrics.FinalEquity, 6);
        Assert.Equal(0, result.Metrics.WinRate);
        Assert.Equal(0, result.Metrics.ProfitFactor);
        Assert.Equal(0.4, result.Metrics.Exposure, 12);
    }

    [Fact]
    public void SignalOnTheLastBar_DoesNotTrade()
    {
        // Only the last bar closes up.
        var bars = TestBars.FromOpenClose([10, 10, 10, 10], [10, 9, 8, 9]);

        var result = Run(bars, Momentum1);

        Assert.Empty(result.Trades);
        Assert.Equal(0, result.Metrics.TotalReturn);
        Assert.Equal(0, result.Metrics.Sharpe);
        Assert.Equal(0, result.Metrics.MaxDrawdown);
        Assert.Equal(0, result.Metrics.Calmar);
        Assert.Equal(0, result.Metrics.Exposure);
    }

    [Fact]
    public void PositionOpenAtTheEnd_IsMarkedToTheLastCloseWithoutExitCost()
    {
        var bars = TestBars.FromOpenClose([10, 10, 12, 13], [10, 11, 12, 14]);

        var result = Run(bars, Momentum1, costBps: 50);

        var trade = Assert.Single(result.Trades);
        Assert.True(trade.IsOpen);
        Assert.Equal(bars.DateAt(3), trade.ExitDate);
        Assert.Equal(14, trade.ExitPrice);
        Assert.Equal((14 / (12 * 1.005)) - 1, trade.Return, 14);
        Assert.Equal(1_000_000 * 14 / (12 * 1.005), result.Metrics.FinalEquity, 6);
    }

    [Fact]
    public void StateBeforeTheRange_IsNotCarriedIn_OnlyIndicatorsAreWarm()
    {
        // RSI(2) is 0 on bar 3, just before the range; inside it, RSI stays between 40 and 50
        // (44.4, 40, 50, 42.9). Had the "long" state been carried in, the range would hold a position.
        var bars = TestBars.FromCloses(10, 9, 8, 7, 7.8, 7.7, 7.8, 7.75);
        var rsi = StrategyCatalog.Rsi.Create(new Dictionary<string, double> { ["period"] = 2 });
        var range = new BarRange(4, 7, bars.DateAt(4), bars.DateAt(7), bars.DateAt(4), bars.DateAt(7));

        var result = new Backtester().Run(rsi, bars, range, new SimulationSettings());

        Assert.Empty(result.Trades);
    }
}
