using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies.Kernels;

namespace ClaudBot.Engine.Simulation;

/// <summary>
/// The fused backtest loop: indicators, signals, fills, equity and every running statistic in one
/// pass over the bars, allocating nothing per bar. Long or flat, all-in, fractional shares; the signal
/// at bar t's close fills at bar t+1's open.
/// </summary>
internal static class Simulator
{
    private static readonly double AnnualisationFactor = Math.Sqrt(252);

    public static BacktestMetrics Run<TKernel>(
        ref TKernel kernel, BarSeries bars, int start, int end, SimulationSettings settings, List<Trade> trades, Span<double> equityCurve)
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
        double entryPrice = 0;
        double entryCash = 0;
        double previousEquity = cash;
        double peak = cash;
        double maxDrawdown = 0;
        int barsHeld = 0;
        bool recordEquity = !equityCurve.IsEmpty;
        var returns = default(ReturnStatistics);

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
                    entryPrice = price;
                }
                else
                {
                    cash = shares * price * sellFactor;
                    shares = 0;
                    trades.Add(new Trade(entryIndex, entryPrice, i, price, (price * sellFactor / (entryPrice * buyFactor)) - 1, cash - entryCash, false));
                }

                holding = wantLong;
            }

            double equity = cash + (shares * close[i]);
            if (i > start)
            {
                returns.Add((equity / previousEquity) - 1);
            }

            previousEquity = equity;
            if (equity > peak)
            {
                peak = equity;
            }
            else if (equity < peak * (1 + maxDrawdown))
            {
                // Only a new low relative to the peak can deepen the drawdown; dividing every bar is the slow path.
                maxDrawdown = Math.Min(maxDrawdown, (equity / peak) - 1);
            }

            barsHeld += holding ? 1 : 0;
            if (recordEquity)
            {
                equityCurve[i - start] = equity;
            }

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
            trades.Add(new Trade(entryIndex, entryPrice, end, last, (last / (entryPrice * buyFactor)) - 1, (shares * last) - entryCash, true));
        }

        return Summarise(bars, start, end, settings.InitialCapital, previousEquity, maxDrawdown, barsHeld, returns, trades);
    }

    private static BacktestMetrics Summarise(
        BarSeries bars, int start, int end, double initial, double final, double maxDrawdown, int barsHeld, in ReturnStatistics returns, List<Trade> trades)
    {
        double totalReturn = (final / initial) - 1;
        int calendarDays = bars.Days[end] - bars.Days[start];
        double cagr = calendarDays > 0 ? Math.Pow(final / initial, 365.25 / calendarDays) - 1 : 0;
        double std = returns.StandardDeviation;
        double downside = returns.DownsideDeviation;
        double mean = returns.Mean;

        int wins = 0;
        double gains = 0;
        double losses = 0;
        foreach (var trade in trades)
        {
            wins += trade.Return > 0 ? 1 : 0;
            if (trade.ProfitLoss > 0)
            {
                gains += trade.ProfitLoss;
            }
            else
            {
                losses -= trade.ProfitLoss;
            }
        }

        return new BacktestMetrics(
            TotalReturn: totalReturn,
            Cagr: cagr,
            Volatility: std * AnnualisationFactor,
            Sharpe: std > 0 ? mean / std * AnnualisationFactor : 0,
            Sortino: downside > 0 ? mean / downside * AnnualisationFactor : 0,
            MaxDrawdown: maxDrawdown,
            Calmar: maxDrawdown < 0 ? cagr / -maxDrawdown : 0,
            Trades: trades.Count,
            WinRate: trades.Count > 0 ? wins / (double)trades.Count : 0,
            ProfitFactor: losses > 0 ? gains / losses : null,
            Exposure: barsHeld / (double)(end - start + 1),
            FinalEquity: final);
    }
}
