using System.Globalization;
using ClaudBot.Bot.NodeApi;

namespace ClaudBot.Bot.Results;

/// <summary>
/// A result's curve cut to the period asked: its return and buy and hold's over the days in it, the drawdowns that touch
/// it, and the trades open during each.
/// </summary>
public sealed class LossWindow
{
    private readonly IReadOnlyList<NodeTrade> _trades;

    private LossWindow(DateOnly from, DateOnly to, double result, double buyHold, IReadOnlyList<DrawdownEpisode> drawdowns, IReadOnlyList<NodeTrade> trades)
    {
        (From, To, Return, BuyHoldReturn, Drawdowns, _trades) = (from, to, result, buyHold, drawdowns, trades);
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public double Return { get; }

    public double BuyHoldReturn { get; }

    public IReadOnlyList<DrawdownEpisode> Drawdowns { get; }

    /// <param name="period">The days asked; null is the whole run.</param>
    /// <returns>Null when no day of the curve lies in the period.</returns>
    public static LossWindow? Of(NodeEquity curve, (DateOnly From, DateOnly To)? period)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var days = curve.Dates.Select(Day).ToList();
        var (from, to) = period ?? (days[0], days[^1]);
        int first = days.FindIndex(d => d >= from);
        int last = days.FindLastIndex(d => d <= to);
        if (first < 0 || last < first)
        {
            return null;
        }

        // The drawdowns of the whole curve, so a fall that began before the period is measured from its real high.
        var drawdowns = DrawdownEpisodes.Of(days, curve.Equity).Where(d => d.Overlaps(days[first], days[last], days[^1])).ToList();
        double Change(IReadOnlyList<double> values) => (values[last] / values[first]) - 1;
        return new LossWindow(days[first], days[last], Change(curve.Equity), Change(curve.BuyHold), drawdowns, curve.Trades);
    }

    /// <summary>Trades open on any day from the drawdown's high to its recovery (or the end).</summary>
    public IReadOnlyList<NodeTrade> TradesDuring(DrawdownEpisode drawdown)
    {
        ArgumentNullException.ThrowIfNull(drawdown);
        var end = drawdown.Recovered ?? DateOnly.MaxValue;
        return [.. _trades.Where(t => Day(t.EntryDate) <= end && (t.Open || Day(t.ExitDate) >= drawdown.Peak))];
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
