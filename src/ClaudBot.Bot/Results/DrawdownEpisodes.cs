namespace ClaudBot.Bot.Results;

/// <summary>
/// Splits an equity curve into its drawdowns: each runs from a running high to the next day equity reaches that high
/// again, and its depth is the lowest close in between over the high, minus one. The deepest of them is the curve's
/// max drawdown, the metric every table shows.
/// </summary>
public static class DrawdownEpisodes
{
    public static IReadOnlyList<DrawdownEpisode> Of(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> equity)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(equity);
        if (dates.Count != equity.Count)
        {
            throw new ArgumentException($"{dates.Count} dates for {equity.Count} equity values.", nameof(equity));
        }

        var episodes = new List<DrawdownEpisode>();
        int peak = 0;
        int? trough = null;
        for (int i = 1; i < equity.Count; i++)
        {
            if (equity[i] >= equity[peak])
            {
                if (trough is { } low)
                {
                    episodes.Add(new DrawdownEpisode(dates[peak], dates[low], (equity[low] / equity[peak]) - 1, dates[i]));
                    trough = null;
                }

                peak = i;
            }
            else if (trough is not { } lowest || equity[i] < equity[lowest])
            {
                trough = i;
            }
        }

        if (trough is { } open)
        {
            episodes.Add(new DrawdownEpisode(dates[peak], dates[open], (equity[open] / equity[peak]) - 1, null));
        }

        return episodes;
    }
}
