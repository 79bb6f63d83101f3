using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies.Kernels;

namespace ClaudBot.Engine.Simulation;

/// <summary>
/// The backtest loop. One fused pass per bar updates the indicators, takes the signal, fills at the
/// next open and marks equity; follow-up passes over the equity curve (drawdown, then vectorised return
/// statistics) and the trade list give the metrics. The per-bar loop makes no calls and allocates
/// nothing, so the JIT keeps its state in registers. Long or flat; charges, slippage, sizing, whole shares
/// as <see cref="SimulationSettings"/> say, exits as the strategy's <see cref="ExitRules"/> do (fills are rare, so their arithmetic costs little).
/// </summary>
internal static class Simulator
{
    private static readonly double AnnualisationFactor = Math.Sqrt(252);

    /// <summary>
    /// Runs bars [start, end] (indicators from bar 0). <paramref name="trades"/> needs room for
    /// (bars in range / 2) + 1 trades; <paramref name="tradeCount"/> says how many were written.
    /// </summary>
    public static BacktestMetrics Run<TKernel>(
        TKernel kernel, BarSeries bars, int start, int end, SimulationSettings settings, ExitRules exits, Span<double> equityCurve, Span<Trade> trades, out int tradeCount)
        where TKernel : struct, ISignalKernel =>
        exits.Any
            ? Run<TKernel, ExitsOn>(kernel, bars, start, end, settings, exits, equityCurve, trades, out tradeCount)
            : Run<TKernel, ExitsOff>(kernel, bars, start, end, settings, exits, equityCurve, trades, out tradeCount);

    // The JIT compiles each struct instantiation apart and folds typeof(TExits) == typeof(ExitsOn) to a constant, so a run
    // without stops, targets or trails has no exit check in its per-bar loop at all. Optimised from its first call: a
    // worker runs each instantiation a few hundred times per chunk, and tier 0 (then an instrumented tier) ran a sweep's
    // first chunks several times slower than its last (measured in the node's bench).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static BacktestMetrics Run<TKernel, TExits>(
        TKernel kernel, BarSeries bars, int start, int end, SimulationSettings settings, ExitRules exits, Span<double> equityCurve, Span<Trade> trades, out int tradeCount)
        where TKernel : struct, ISignalKernel
        where TExits : struct
    {
        // Indicators see all history before the range, so they are warm on its first bar; nothing trades yet.
        for (int i = 0; i < start; i++)
        {
            kernel.Next(i);
        }

        double[] open = bars.Open;
        double[] high = bars.High;
        double[] low = bars.Low;
        double[] close = bars.Close;
        var charges = FillCharges.Of(settings);
        double slippage = settings.SlippageBps / 10_000;
        bool wholeShares = settings.EffectiveWholeShares;
        var sizing = settings.Sizing;
        bool allIn = sizing.Kind == SizingKind.All;

        // Absent exits get levels no (positive) price reaches, so the per-bar check needs no branches of its own: no stop
        // sits at -infinity, no target at +infinity, and without a trail its factor 0 lifts the stop level to 0 at most.
        double stopFactor = exits.Stop is { } stop ? 1 - stop : double.NegativeInfinity;
        double targetFactor = exits.Target is { } target ? 1 + target : double.PositiveInfinity;
        double trailFactor = exits.Trail is { } trail ? 1 - trail : 0;

        double cash = settings.InitialCapital;
        double shares = 0;
        bool holding = false;
        bool wantLong = false;

        // After an exit by stop, target or trail (or a skipped entry) the signal must be flat once before a new entry.
        bool waitForFlat = false;
        int entryIndex = 0;
        double entryPrice = 0;
        double entryCost = 0;
        double entryFee = 0;
        double stopLevel = 0;
        double targetLevel = 0;
        double fees = 0;
        double traded = 0;
        int skipped = 0;
        int count = 0;
        var curve = equityCurve[..(end - start + 1)];

        for (int i = start; i <= end; i++)
        {
            if (wantLong != holding && !(wantLong && waitForFlat))
            {
                if (wantLong)
                {
                    double price = open[i] * (1 + slippage);
                    double budget = allIn ? cash : sizing.Kind == SizingKind.Percent ? cash * sizing.Value / 100 : Math.Min(sizing.Value, cash);
                    double value = charges.MaxBuyValue(budget);
                    double bought = value / price;
                    if (wholeShares)
                    {
                        bought = charges.WholeSharesWithin(budget, price);
                        value = bought * price;
                    }

                    if (bought > 0)
                    {
                        double fee = charges.Buy(value);
                        cash -= value + fee;
                        if (allIn && !wholeShares)
                        {
                            // All in with fractional shares spends the cash exactly: keep rounding from leaving dust.
                            fee = budget - value;
                            cash = 0;
                        }

                        shares = bought;
                        entryIndex = i;
                        entryPrice = price;
                        entryCost = value + fee;
                        entryFee = fee;
                        traded += value;
                        stopLevel = price * stopFactor;
                        targetLevel = price * targetFactor;
                        holding = true;
                    }
                    else
                    {
                        skipped++;
                        waitForFlat = true;
                    }
                }
                else
                {
                    double price = open[i] * (1 - slippage);
                    double value = shares * price;
                    double fee = charges.Sell(value);
                    cash += value - fee;
                    traded += value;
                    fees += entryFee + fee;
                    trades[count++] = new Trade(entryIndex, entryPrice, i, price, ((value - fee) / entryCost) - 1, value - fee - entryCost, false, shares, entryFee + fee, ExitReason.Signal);
                    shares = 0;
                    holding = false;
                }
            }

            if (typeof(TExits) == typeof(ExitsOn) && holding)
            {
                // From the entry bar on; the trail from the bar after it (stopLevel only rises once a close is seen).
                double barOpen = open[i];
                if (IntrabarExit.Reached(barOpen, high[i], low[i], stopLevel, targetLevel))
                {
                    double level = IntrabarExit.Level(barOpen, low[i], stopLevel, targetLevel, entryPrice * stopFactor, out var reason);
                    double price = level * (1 - slippage);
                    double value = shares * price;
                    double fee = charges.Sell(value);
                    cash += value - fee;
                    traded += value;
                    fees += entryFee + fee;
                    trades[count++] = new Trade(entryIndex, entryPrice, i, price, ((value - fee) / entryCost) - 1, value - fee - entryCost, false, shares, entryFee + fee, reason);
                    shares = 0;
                    holding = false;
                    waitForFlat = true;
                }
                else
                {
                    // The stop is the higher of the fixed stop and the trail under the highest close so far: a running max,
                    // so no highest close need be kept (fewer live values in the loop; the fixed stop is rebuilt at an exit).
                    stopLevel = Math.Max(stopLevel, close[i] * trailFactor);
                }
            }

            curve[i - start] = cash + (shares * close[i]);
            var signal = kernel.Next(i);
            if (signal != Signal.Hold)
            {
                wantLong = signal == Signal.Long;
            }

            waitForFlat &= wantLong;
        }

        if (holding)
        {
            // Marked to the last close with no exit charges, and counted as a trade ending there.
            double last = close[end];
            double value = shares * last;
            fees += entryFee;
            trades[count++] = new Trade(entryIndex, entryPrice, end, last, (value / entryCost) - 1, value - entryCost, true, shares, entryFee, ExitReason.Open);
        }

        tradeCount = count;
        var metrics = Summarise(bars, start, end, settings.InitialCapital, curve, trades[..count]);
        return metrics with { Fees = fees, Turnover = traded / settings.InitialCapital, SkippedEntries = skipped };
    }

    /// <summary>A run's metrics from its equity curve (one point per bar of [start, end]) and trades.</summary>
    internal static BacktestMetrics Summarise(BarSeries bars, int start, int end, double initial, ReadOnlySpan<double> curve, ReadOnlySpan<Trade> trades)
    {
        int barsHeld = 0;
        foreach (var trade in trades)
        {
            // Held at the close from the entry bar up to the bar before the exit fill (the exit bar too if still open there).
            barsHeld += trade.ExitIndex - trade.EntryIndex + (trade.HeldThroughExit ? 1 : 0);
        }

        return Summarise(initial, bars.Days[end] - bars.Days[start], curve, trades, barsHeld / (double)(end - start + 1));
    }

    /// <summary>
    /// The metrics of an equity curve spanning <paramref name="calendarDays"/> and its trades (wins, profit factor), with the
    /// share of points held (<paramref name="exposure"/>) as the caller counts it: one definition for a single backtest and
    /// a portfolio.
    /// </summary>
    internal static BacktestMetrics Summarise(double initial, int calendarDays, ReadOnlySpan<double> curve, ReadOnlySpan<Trade> trades, double exposure)
    {
        double final = curve[^1];
        double totalReturn = (final / initial) - 1;
        double cagr = calendarDays > 0 ? Math.Pow(final / initial, 365.25 / calendarDays) - 1 : 0;
        double maxDrawdown = MaxDrawdown(curve);
        var returns = ReturnStatistics.FromEquity(curve);
        double std = returns.StandardDeviation;
        double downside = returns.DownsideDeviation;

        int wins = 0;
        double gains = 0;
        double losses = 0;
        foreach (var trade in trades)
        {
            wins += trade.Return > 0 ? 1 : 0;
            gains += Math.Max(trade.ProfitLoss, 0);
            losses -= Math.Min(trade.ProfitLoss, 0);
        }

        return new BacktestMetrics(
            TotalReturn: totalReturn,
            Cagr: cagr,
            Volatility: std * AnnualisationFactor,
            Sharpe: std > 0 ? returns.Mean / std * AnnualisationFactor : 0,
            Sortino: downside > 0 ? returns.Mean / downside * AnnualisationFactor : 0,
            MaxDrawdown: maxDrawdown,
            Calmar: maxDrawdown < 0 ? cagr / -maxDrawdown : 0,
            Trades: trades.Length,
            WinRate: trades.Length > 0 ? wins / (double)trades.Length : 0,
            ProfitFactor: losses > 0 ? gains / losses : null,
            Exposure: exposure,
            FinalEquity: final);
    }

    /// <summary>Most negative equity / running peak - 1 (0 when equity never falls below a peak).</summary>
    private static double MaxDrawdown(ReadOnlySpan<double> curve)
    {
        double peak = curve[0];
        double worst = 0;
        foreach (double equity in curve)
        {
            if (equity > peak)
            {
                peak = equity;
            }
            else if (equity < peak * (1 + worst))
            {
                // Only a new low relative to the peak can deepen the drawdown, so most bars skip the division.
                worst = Math.Min(worst, (equity / peak) - 1);
            }
        }

        return worst;
    }

    /// <summary>Type flag: the run has exits to check.</summary>
    private readonly struct ExitsOn;

    /// <summary>Type flag: the run has none.</summary>
    private readonly struct ExitsOff;
}
