using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Portfolio;

/// <summary>
/// The portfolio backtest of docs/portfolio.md: the calendar is the union of the symbols' in-range dates, and each day runs
/// signal exits at the open, ranked entries into the free slots at the open, stops, targets and trails during the day, and
/// the close, in that order, over one account. Fills, charges, whole shares and exits are the single engine's.
/// </summary>
public static class PortfolioSimulator
{
    public static PortfolioResult Run(PortfolioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var legs = settings.Symbols
            .OrderBy(bars => bars.Symbol, StringComparer.Ordinal)
            .Select(bars => new PortfolioLeg(bars, BarRange.Resolve(bars, settings.From, settings.To), settings.StrategyOf(bars.Symbol), settings.Rank))
            .ToArray();
        int[] calendar = [.. legs.SelectMany(leg => leg.Bars.Days[leg.Range.Start..(leg.Range.End + 1)]).Distinct().Order()];

        var execution = settings.Execution;
        var book = new PortfolioBook(execution.InitialCapital, FillCharges.Of(execution), settings.Exits);
        var days = new PortfolioDay[calendar.Length];
        var contests = new List<PortfolioContest>();
        var today = new DayBuffers(legs.Length);
        int skipped = 0;
        for (int k = 0; k < calendar.Length; k++)
        {
            foreach (var leg in legs)
            {
                leg.BeginDay(calendar[k]);
            }

            double previousEquity = k > 0 ? days[k - 1].Equity : execution.InitialCapital;
            SignalExits(legs, book, execution.SlippageBps / 10_000);
            skipped += Entries(legs, book, settings, previousEquity, DateOnly.FromDayNumber(calendar[k]), contests, today);
            foreach (var leg in legs)
            {
                if (leg.HasBarToday && leg.Position is not null && book.CheckExits(leg, execution.SlippageBps / 10_000))
                {
                    leg.Waiting = true;
                }
            }

            days[k] = CloseDay(legs, book, DateOnly.FromDayNumber(calendar[k]));
        }

        var trades = book.Closed
            .OrderBy(t => t.ExitDate)
            .ThenBy(t => t.Symbol, StringComparer.Ordinal)
            .Concat(legs.Where(leg => leg.Position is not null).Select(book.MarkOpen))
            .ToArray();
        double capital = execution.InitialCapital;
        var metrics = PortfolioReport.Metrics(days, trades, capital) with { Fees = book.Fees, Turnover = book.Traded / capital, SkippedEntries = skipped };
        return new PortfolioResult(
            days,
            PortfolioReport.WithDailyFigures(metrics, days),
            EqualWeightBenchmark.Run(legs, calendar, execution),
            PortfolioReport.Contribution(legs, trades, capital),
            contests,
            trades)
        {
            Strategies = [.. legs.Select(leg => (leg.Symbol, leg.Strategy))],
        };
    }

    /// <summary>Step 1: in symbol order, every held position whose signal bar wants flat sells at the open.</summary>
    private static void SignalExits(PortfolioLeg[] legs, PortfolioBook book, double slippage)
    {
        foreach (var leg in legs)
        {
            if (leg.HasBarToday && leg.Position is not null && leg.SignalBar >= 0 && !leg.WantsLong[leg.SignalBar])
            {
                book.Sell(leg, leg.Bars.Open[leg.Today] * (1 - slippage), ExitReason.Signal);
            }
        }
    }

    /// <summary>Step 2: the best-ranked candidates fill the free slots at the open, each sized in turn; returns the entries skipped.</summary>
    private static int Entries(PortfolioLeg[] legs, PortfolioBook book, PortfolioSettings settings, double previousEquity, DateOnly date, List<PortfolioContest> contests, DayBuffers today)
    {
        var ranked = today.Ranked;
        ranked.Clear();
        foreach (var leg in legs)
        {
            if (leg.HasBarToday && leg.Position is null && leg.SignalLong && !leg.Waiting)
            {
                ranked.Add((leg, leg.RankValue[leg.SignalBar]));
            }
        }

        ranked.Sort(ByRank);
        int free = settings.MaxPositions - book.Held;
        var execution = settings.Execution;
        double slippage = execution.SlippageBps / 10_000;
        var entered = today.Entered;
        entered.Clear();
        int skipped = 0;
        for (int i = 0; i < Math.Min(free, ranked.Count); i++)
        {
            var leg = ranked[i].Leg;
            double price = leg.Bars.Open[leg.Today] * (1 + slippage);
            double budget = Math.Min(settings.Size.Budget(previousEquity, settings.MaxPositions), book.Cash);
            double shares = book.SharesFor(budget, price, execution.EffectiveWholeShares);
            if (shares > 0)
            {
                book.Buy(leg, price, shares);
                entered.Add(leg.Symbol);
            }
            else
            {
                // The slot stays empty today: it is not offered to the next candidate.
                skipped++;
                leg.Waiting = true;
            }
        }

        if (free > 0 && ranked.Count > free)
        {
            bool tie = PortfolioRanking.Tied(ranked[free - 1].Value, ranked[free].Value);
            contests.Add(new PortfolioContest(
                date, free, [.. ranked.Select(c => (c.Leg.Symbol, c.Value))], [.. entered], tie));
        }

        return skipped;
    }

    private static readonly Comparison<(PortfolioLeg Leg, double Value)> ByRank =
        (a, b) => PortfolioRanking.Compare((a.Leg.Symbol, a.Value), (b.Leg.Symbol, b.Value));

    /// <summary>
    /// The day's candidates and entries, one pair of lists for the whole run: the day loop allocates nothing of its own
    /// (a contest keeps copies).
    /// </summary>
    private sealed class DayBuffers(int legs)
    {
        public List<(PortfolioLeg Leg, double Value)> Ranked { get; } = new(legs);

        public List<string> Entered { get; } = new(legs);
    }

    /// <summary>Step 4: closes marked, signals seen, and the day's point over the held symbols in symbol order.</summary>
    private static PortfolioDay CloseDay(PortfolioLeg[] legs, PortfolioBook book, DateOnly date)
    {
        foreach (var leg in legs)
        {
            if (leg.HasBarToday)
            {
                leg.Close();
            }
        }

        double invested = 0;
        foreach (var leg in legs)
        {
            if (leg.Position is { } position)
            {
                invested += position.Shares * leg.LastClose;
            }
        }

        double equity = book.Cash + invested;
        return new PortfolioDay(date, equity, book.Cash, invested / equity, book.Held);
    }
}
