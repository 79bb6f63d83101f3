using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Portfolio;

/// <summary>The report's figures over the day loop's points and trades: the single engine's metrics and the portfolio's own.</summary>
internal static class PortfolioReport
{
    /// <summary>
    /// The single engine's metrics (<see cref="Simulator.Summarise(double, int, ReadOnlySpan{double}, ReadOnlySpan{Trade}, double)"/>)
    /// of the daily equity over the calendar, with every trade (open ones included) and exposure = share of days holding a position.
    /// </summary>
    public static BacktestMetrics Metrics(PortfolioDay[] days, IReadOnlyList<PortfolioTrade> trades, double capital)
    {
        var curve = new double[days.Length];
        int held = 0;
        for (int k = 0; k < days.Length; k++)
        {
            curve[k] = days[k].Equity;
            held += days[k].Positions > 0 ? 1 : 0;
        }

        return Summarise(days[0].Date, days[^1].Date, curve, trades.Select(AsTrade).ToArray(), held / (double)days.Length, capital);
    }

    /// <summary>The metrics of a curve over the calendar from <paramref name="first"/> to <paramref name="last"/>: one definition for the portfolio and its benchmark.</summary>
    public static BacktestMetrics Summarise(DateOnly first, DateOnly last, double[] curve, Trade[] trades, double exposure, double capital) =>
        Simulator.Summarise(capital, last.DayNumber - first.DayNumber, curve, trades, exposure);

    /// <summary>Mean daily exposure, mean and most positions held, over the days in order.</summary>
    public static PortfolioMetrics WithDailyFigures(BacktestMetrics metrics, PortfolioDay[] days)
    {
        double exposure = 0;
        double positions = 0;
        int most = 0;
        foreach (var day in days)
        {
            exposure += day.Exposure;
            positions += day.Positions;
            most = Math.Max(most, day.Positions);
        }

        return new PortfolioMetrics(metrics, exposure / days.Length, positions / days.Length, most);
    }

    /// <summary>Each symbol's P&amp;L over its trades (open ones marked), in symbol order; they add up to final equity less capital.</summary>
    public static SymbolContribution[] Contribution(PortfolioLeg[] legs, IReadOnlyList<PortfolioTrade> trades, double capital) =>
        [.. legs.Select(leg =>
        {
            double pnl = 0;
            int count = 0;
            foreach (var trade in trades)
            {
                if (trade.Symbol == leg.Symbol)
                {
                    pnl += trade.ProfitLoss;
                    count++;
                }
            }

            return new SymbolContribution(leg.Symbol, pnl, pnl / capital, count);
        })];

    // Summarise reads a trade's return and P&L only: its exposure is the caller's.
    private static Trade AsTrade(PortfolioTrade t) =>
        new(0, t.EntryPrice, 0, t.ExitPrice, t.Return, t.ProfitLoss, t.Reason == ExitReason.Open, t.Shares, t.Fees, t.Reason);
}
