using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Portfolio;

/// <summary>
/// Equal-weight buy and hold of the universe: each of the N symbols runs the single engine's buy_hold backtest over its own
/// in-range bars with capital / N, the job's charges, slippage and whole shares, size all and no exits; the benchmark's
/// equity on a day is the sum of each symbol's equity at its latest bar on or before it (capital / N before its first).
/// </summary>
internal static class EqualWeightBenchmark
{
    public static PortfolioBenchmark Run(PortfolioLeg[] legs, int[] calendar, SimulationSettings execution)
    {
        double capital = execution.InitialCapital;
        double share = capital / legs.Length;
        var settings = execution with { InitialCapital = share, Sizing = PositionSizing.All };
        var backtester = new Backtester();
        var curves = new double[legs.Length][];
        var trades = new List<Trade>();
        var heldFrom = new int[legs.Length];
        double fees = 0;
        double bought = 0;
        int skipped = 0;
        for (int s = 0; s < legs.Length; s++)
        {
            var leg = legs[s];
            curves[s] = new double[leg.Range.Count];
            var metrics = backtester.RunMetrics(StrategyCatalog.BuyHold.Defaults, leg.Bars, leg.Range, settings, curves[s]);
            skipped += metrics.SkippedEntries;
            heldFrom[s] = int.MaxValue;
            foreach (var trade in backtester.LastTrades)
            {
                trades.Add(trade);
                fees += trade.Fees;
                bought += trade.Shares * trade.EntryPrice;
                heldFrom[s] = Math.Min(heldFrom[s], leg.Bars.Days[trade.EntryIndex]);
            }
        }

        var equity = new double[calendar.Length];
        var latest = Enumerable.Repeat(share, legs.Length).ToArray();
        var next = new int[legs.Length];
        int daysHeld = 0;
        for (int k = 0; k < calendar.Length; k++)
        {
            bool held = false;
            for (int s = 0; s < legs.Length; s++)
            {
                var leg = legs[s];
                while (next[s] < leg.Range.Count && leg.Bars.Days[leg.Range.Start + next[s]] <= calendar[k])
                {
                    latest[s] = curves[s][next[s]++];
                }

                equity[k] += latest[s];
                held |= heldFrom[s] <= calendar[k];
            }

            daysHeld += held ? 1 : 0;
        }

        var first = DateOnly.FromDayNumber(calendar[0]);
        var last = DateOnly.FromDayNumber(calendar[^1]);
        var summary = PortfolioReport.Summarise(first, last, equity, [.. trades], daysHeld / (double)calendar.Length, capital);
        return new PortfolioBenchmark(equity, summary with { Fees = fees, Turnover = bought / capital, SkippedEntries = skipped });
    }
}
