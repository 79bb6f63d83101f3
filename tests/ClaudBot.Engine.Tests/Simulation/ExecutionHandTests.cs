using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Simulation;

/// <summary>Charges, whole shares, sizing and slippage on small series worked out by hand.</summary>
public sealed class ExecutionHandTests
{
    // Delivery's buy charges are linear: STT 0.1% + stamp 0.015% + 1.18 x (exchange 0.00297% + SEBI 0.0001%).
    private const double DeliveryBuyRate = 0.001186226;
    private const double DeliverySellRate = 0.001036226;

    private static BacktestResult Run(BarSeries bars, SimulationSettings settings, StrategyParameters? strategy = null) =>
        new Backtester().Run(strategy ?? StrategyCatalog.BuyHold.Defaults, bars, new BarRange(0, bars.Count - 1, bars.FirstDate, bars.LastDate, bars.FirstDate, bars.LastDate), settings, includeEquity: true);

    private static StrategyParameters Momentum1 => StrategyCatalog.Momentum.Create(new Dictionary<string, double> { ["lookback"] = 1 });

    [Fact]
    public void Delivery_AllInWholeShares_BuysTheMostThatFit_AndChargesEachSide()
    {
        // Entry at 100: the most V with V x 1.001186226 <= 1,000,000 is 998,815.18, so 9,988 shares (998,800),
        // buy charges 1,184.8025288 and 15.1974712 left, less than one more share with its charges (100.1186).
        // Exit at bar 4's open, 110 (momentum turns down at bar 3): 1,098,680 sold, charges 1,138.4807816 + DP 15.93.
        var bars = TestBars.FromOpenClose([100, 100, 100, 110, 110, 110], [100, 101, 102, 101, 101, 101]);
        var settings = new SimulationSettings { Costs = TestCosts.ZerodhaDelivery };

        var result = Run(bars, settings, Momentum1);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(9_988, trade.Shares);
        double buyFee = 998_800 * DeliveryBuyRate;
        double sellFee = (1_098_680 * DeliverySellRate) + 15.93;
        Assert.Equal(1_184.8025288, buyFee, 9);
        Assert.Equal(buyFee + sellFee, trade.Fees, 9);
        Assert.Equal(1_000_000 - 998_800 - buyFee, result.Equity![2] - (9_988 * 102), 6);
        Assert.True(result.Equity[2] - (9_988 * 102) < 100 * (1 + DeliveryBuyRate));
        Assert.Equal(((1_098_680 - sellFee) / (998_800 + buyFee)) - 1, trade.Return, 12);
        Assert.Equal(1_000_000 - 998_800 - buyFee + 1_098_680 - sellFee, result.Metrics.FinalEquity, 6);
        Assert.Equal(buyFee + sellFee, result.Metrics.Fees, 9);
        Assert.Equal((998_800 + 1_098_680) / 1_000_000.0, result.Metrics.Turnover, 12);
    }

    [Fact]
    public void Intraday_AllInFractional_LeavesNoCash_OnTheFlatBrokerageLine()
    {
        // 1,000,000 at 0.03% would be Rs 300 brokerage: the Rs 20 cap applies, V = (1,000,000 - 23.6) / 1.000066226.
        var bars = TestBars.FromOpenClose([100, 100, 100], [100, 100, 100]);
        var settings = new SimulationSettings { Costs = TestCosts.ZerodhaIntraday, WholeShares = false };

        var result = Run(bars, settings);

        double value = (1_000_000 - 23.6) / 1.000066226;
        var trade = Assert.Single(result.Trades);
        Assert.Equal(value / 100, trade.Shares, 9);
        Assert.Equal(1_000_000 - value, trade.Fees, 6);
        Assert.Equal(value, result.Equity![2], 6);
        Assert.True(trade.IsOpen);
    }

    [Fact]
    public void ZeroShareEntry_IsSkipped_WithACountAndANote()
    {
        // Rs 1,000 cannot buy one share at 2,000: no trade, equity stays at the capital.
        var bars = TestBars.FromOpenClose([2_000, 2_000, 2_100], [2_000, 2_050, 2_100]);
        var settings = new SimulationSettings(InitialCapital: 1_000) { Costs = TestCosts.ZerodhaDelivery };

        var result = Run(bars, settings);

        Assert.Empty(result.Trades);
        Assert.Equal(1, result.Metrics.SkippedEntries);
        Assert.Equal(0, result.Metrics.Fees);
        Assert.Equal([1_000.0, 1_000.0, 1_000.0], result.Equity);
        Assert.Equal("1 entry was skipped: the size bought zero whole shares.", Assert.Single(result.Notes));
    }

    [Fact]
    public void Slippage_BuysAboveAndSellsBelowTheOpen_BeforeCharges()
    {
        // 50 bps: entry at 11.5 x 1.005, exit at 10.5 x 0.995; 1% per side on top.
        var bars = TestBars.FromOpenClose([10, 10.5, 11.5, 12.5, 10.5], [10, 11, 12, 11, 11]);
        var settings = new SimulationSettings(CostBps: 100) { SlippageBps = 50 };

        var result = Run(bars, settings, Momentum1);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(11.5 * 1.005, trade.EntryPrice, 12);
        Assert.Equal(10.5 * 0.995, trade.ExitPrice, 12);
        Assert.Equal((10.5 * 0.995 * 0.99 / (11.5 * 1.005 * 1.01)) - 1, trade.Return, 12);
        Assert.Equal(1_000_000 * (10.5 * 0.995 * 0.99 / (11.5 * 1.005 * 1.01)), result.Metrics.FinalEquity, 6);
    }

    [Fact]
    public void PercentSizing_SpendsThatShareOfEquity_ChargesIncluded_AndKeepsTheRestAsCash()
    {
        var bars = TestBars.FromOpenClose([100, 100, 100], [100, 100, 120]);
        var settings = new SimulationSettings(CostBps: 10) { Sizing = new PositionSizing(SizingKind.Percent, 25) };

        var result = Run(bars, settings);

        double shares = 250_000 / 1.001 / 100;
        Assert.Equal(shares, Assert.Single(result.Trades).Shares, 9);
        Assert.Equal(750_000 + (shares * 120), result.Metrics.FinalEquity, 6);
        Assert.Equal(250_000 - (250_000 / 1.001), result.Metrics.Fees, 6);
    }

    [Fact]
    public void AmountSizing_WithWholeShares_BuysTheMostSharesTheAmountPays()
    {
        // Rs 50,000 at 100 with bps:10: 499 shares cost 49,949.90; 500 would cost 50,050.
        var bars = TestBars.FromOpenClose([100, 100, 100], [100, 100, 100]);
        var settings = new SimulationSettings(CostBps: 10) { Sizing = new PositionSizing(SizingKind.Amount, 50_000), WholeShares = true };

        var result = Run(bars, settings);

        var trade = Assert.Single(result.Trades);
        Assert.Equal(499, trade.Shares);
        Assert.Equal(49.9, trade.Fees, 9);
        Assert.Equal(1_000_000 - 49.9, result.Metrics.FinalEquity, 6);
    }

    [Fact]
    public void BpsModel_GivenExplicitly_MatchesTheDefaultCostOnARealSeries()
    {
        var bars = TestBars.Load("RELIANCE");
        var range = BarRange.Resolve(bars, new DateOnly(2021, 1, 1), new DateOnly(2026, 12, 31));
        var rsi = StrategyCatalog.Rsi.Defaults;

        var implicitBps = new Backtester().Run(rsi, bars, range, new SimulationSettings(CostBps: 10));
        var explicitBps = new Backtester().Run(rsi, bars, range, new SimulationSettings { Costs = CostModel.Bps(10) });

        Assert.Equal(implicitBps.Metrics.FinalEquity, explicitBps.Metrics.FinalEquity, 6);
        Assert.Equal(implicitBps.Trades.Select(t => t.Fees), explicitBps.Trades.Select(t => t.Fees));
        Assert.False(explicitBps.Settings!.EffectiveWholeShares);
    }
}
