using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies.Kernels;

namespace ClaudBot.Engine.Simulation;

/// <summary>
/// The backtest loop. One fused pass per bar updates the indicators, takes the signal, fills at the
/// next open and marks equity; follow-up passes over the equity curve (drawdown, then vectorised return
/// statistics) and the trade list give the metrics. The per-bar loop makes no calls and allocates
/// nothing, so the JIT keeps its state in registers. Long or flat, all-in, fractional shares.
/// </summary>
internal static class Simulator
{
    private static readonly double AnnualisationFactor = Math.Sqrt(252);

    /// <summary>
    /// Runs bars [start, end] (indicators from bar 0). <paramref name="trades"/> needs room for
    /// (bars in range / 2) + 1 trades; <paramref name="tradeCount"/> says how many were written.
    /// </summary>
    public static BacktestMetrics Run<TKernel>(
        TKernel kernel, BarSeries bars, int start, int end, SimulationSettings settings, Span<double> equityCurve, Span<Trade> trades, out int tradeCount)
        where TKernel : struct, ISignalKernel
    {
        // Indicators see all history before the range, so they are warm on its first bar; nothing trades yet.
        for (int i = 0; i < start; i++)
        {
            kernel.Next(i);
        }

        double[] open = bars.Open;
        double[] close = bars.Close;
        double buyFactor = 1 + settings.CostRate;
        double sellFactor = 1 - settings.CostRate;
        double cash = settings.InitialCapital;
        double shares = 0;
        bool holding = false;
        bool wantLong = false;
        int entryIndex = 0;
        double entryCash = 0;
        int count = 0;
        var curve = equityCurve[..(end - start + 1)];

        for (int i = start; i <= end; i++)
        {
            if (wantLong != holding)
            {
                double price = open[i];
                if (wantLong)
                {
                    entryCash = cash;
                    shares = cash / (price * buyFactor);
                    cash = 0;
                    entryIndex = i;
                }
                else
                {
                    cash = shares * price * sellFactor;
                    shares = 0;
                    double entryPrice = open[entryIndex];
                    trades[count++] = new Trade(entryIndex, entryPrice, i, price, (price * sellFactor / (entryPrice * buyFactor)) - 1, cash - entryCash, false);
                }

                holding = wantLong;
            }

            curve[i - start] = cash + (shares * close[i]);
            var signal = kernel.Next(i);
            if (signal != Signal.Hold)
            {
                wantLong = signal == Signal.Long;
            }
        }

        if (holding)
        {
            // Marked to the last close with no exit cost, and counted as a trade ending there.
            double last = close[end];
            double entryPrice = open[entryIndex];
            trades[count++] = new Trade(entryIndex, entryPrice, end, last, (last / (entryPrice * buyFactor)) - 1, (shares * last) - entryCash, true);
        }

        tradeCount = count;
        return Summarise(bars, start, end, settings.InitialCapital, curve, trades[..count]);
    }

    private static BacktestMetrics Summarise(BarSeries bars, int start, int end, double initial, ReadOnlySpan<double> curve, ReadOnlySpan<Trade> trades)
    {
        double final = curve[^1];
        double totalReturn = (final / initial) - 1;
        int calendarDays = bars.Days[end] - bars.Days[start];
        double cagr = calendarDays > 0 ? Math.Pow(final / initial, 365.25 / calendarDays) - 1 : 0;
        double maxDrawdown = MaxDrawdown(curve);
        var returns = ReturnStatistics.FromEquity(curve);
        double std = returns.StandardDeviation;
        double downside = returns.DownsideDeviation;

        int wins = 0;
        int barsHeld = 0;
        double gains = 0;
        double losses = 0;
        foreach (var trade in trades)
        {
            wins += trade.Return > 0 ? 1 : 0;
            gains += Math.Max(trade.ProfitLoss, 0);
            losses -= Math.Min(trade.ProfitLoss, 0);

            // Held at the close from the entry bar up to the bar before the exit fill (the last bar if still open).
            barsHeld += trade.ExitIndex - trade.EntryIndex + (trade.IsOpen ? 1 : 0);
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
            Exposure: barsHeld / (double)(end - start + 1),
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
}
