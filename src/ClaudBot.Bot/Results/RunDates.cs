using ClaudBot.Cluster.Results;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Bot.Results;

/// <summary>
/// The dates a job's backtests actually ran: the first and last bar used, which differ from the period asked
/// for when the data starts later or ends earlier (2020-2024 on data from 2021-01-27 ran 2021-01-27 to 2024-12-31).
/// </summary>
public static class RunDates
{
    /// <summary>From the earliest first bar to the latest last bar of <paramref name="rows"/>; null when there are none.</summary>
    public static DateSpan? Of(IEnumerable<ResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        DateSpan? span = null;
        foreach (var row in rows)
        {
            span = span is { } s
                ? new DateSpan(row.From < s.From ? row.From : s.From, row.To > s.To ? row.To : s.To)
                : new DateSpan(row.From, row.To);
        }

        return span;
    }
}
