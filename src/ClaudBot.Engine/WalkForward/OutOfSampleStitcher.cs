using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.WalkForward;

/// <summary>
/// Trades out-of-sample segments in order as one account, by docs/walk-forward.md: each segment is a plain backtest
/// of its pick started flat with the capital the one before ended with; a position open at the end of any segment but
/// the last is sold at that bar's close (less slippage, paying the sell charges), so the next starts flat; segments
/// without a pick and the bars between segments hold the capital as cash.
/// </summary>
public static class OutOfSampleStitcher
{
    /// <param name="segments">In bar order, not overlapping.</param>
    public static StitchedRun Stitch(Backtester backtester, BarSeries bars, IReadOnlyList<OutOfSampleSegment> segments, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(backtester);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(settings);
        if (segments.Count == 0)
        {
            throw new ArgumentException("A walk-forward needs at least one out-of-sample segment.", nameof(segments));
        }

        int first = segments[0].Range.Start;
        int last = segments[^1].Range.End;
        var curve = new double[last - first + 1];
        var trades = new List<Trade>();
        var figures = new List<BacktestMetrics?>(segments.Count);
        var charges = FillCharges.Of(settings);
        double capital = settings.InitialCapital;
        double traded = 0;
        double fees = 0;
        int next = first;
        for (int k = 0; k < segments.Count; k++)
        {
            var (range, pick) = (segments[k].Range, segments[k].Pick);
            if (range.Start < next)
            {
                throw new ArgumentException($"Segment {k} starts at bar {range.Start}, inside the one before it (which ends at bar {next - 1}).", nameof(segments));
            }

            // Between segments (a step longer than the out-of-sample part) the account sits in cash.
            curve.AsSpan(next - first, range.Start - next).Fill(capital);
            next = range.End + 1;
            if (pick is null)
            {
                curve.AsSpan(range.Start - first, range.Count).Fill(capital);
                figures.Add(null);
                continue;
            }

            var segment = curve.AsSpan(range.Start - first, range.Count);
            var metrics = backtester.RunMetrics(pick, bars, range, settings with { InitialCapital = capital }, segment);
            figures.Add(metrics);
            traded += metrics.Turnover * capital;
            fees += metrics.Fees;
            var runTrades = backtester.LastTrades;
            for (int t = 0; t < runTrades.Length; t++)
            {
                var trade = runTrades[t];
                if (trade.IsOpen && k < segments.Count - 1)
                {
                    trade = SellAtClose(trade, bars.Close[range.End], settings.SlippageBps / 10_000, charges, ref segment[^1], ref traded, ref fees);
                }

                trades.Add(trade);
            }

            capital = segment[^1];
        }

        var stitched = Simulator.Summarise(bars, first, last, settings.InitialCapital, curve, trades.ToArray());
        return new StitchedRun(stitched with { Fees = fees, Turnover = traded / settings.InitialCapital }, first, last, curve, [.. trades], figures);
    }

    /// <summary>The open trade sold at the segment's last close; its last equity point becomes the cash after the sale.</summary>
    private static Trade SellAtClose(Trade open, double close, double slippage, FillCharges charges, ref double lastEquity, ref double traded, ref double fees)
    {
        double price = close * (1 - slippage);
        double value = open.Shares * price;
        double fee = charges.Sell(value);

        // An open trade's fees are its buy's, so what it cost is its shares at the entry fill plus them.
        double entryCost = (open.Shares * open.EntryPrice) + open.Fees;
        lastEquity += value - fee - (open.Shares * close);
        traded += value;
        fees += fee;
        return open with
        {
            ExitPrice = price,
            Return = ((value - fee) / entryCost) - 1,
            ProfitLoss = value - fee - entryCost,
            IsOpen = false,
            Fees = open.Fees + fee,
            Reason = ExitReason.Window,
        };
    }
}
