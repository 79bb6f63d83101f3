using ClaudBot.Engine.Data;

namespace ClaudBot.Backtesting.Market;

/// <summary>
/// An equal-weight index of a set of constituents (ClaudBot's stand-in for the market: the bundled NIFTY-50 symbols).
/// It is NOT the official NIFTY 50, which weights by free-float market capitalisation and changes its members over time.
/// </summary>
/// <remarks>
/// How it is built: the calendar is every date on which any constituent has a bar, ascending. The level starts at 1.0 on
/// the first date. On each later date d (with previous calendar date p) the index return is the plain average of
/// close(d) / close(p) - 1 over the constituents that have a bar on both d and p; the level is the previous level times
/// (1 + that average). A date on which no constituent has bars on both days keeps the level unchanged.
/// </remarks>
public static class EqualWeightIndex
{
    /// <summary>
    /// The index of <paramref name="constituents"/> (see the remarks), labelled <paramref name="label"/>; by default
    /// <c>equal-weight of N symbols (not the official NIFTY 50)</c>.
    /// </summary>
    public static MarketIndex Build(IReadOnlyList<BarSeries> constituents, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(constituents);
        var calendar = new SortedSet<int>();
        foreach (var series in constituents)
        {
            calendar.UnionWith(series.Days);
        }

        int[] days = [.. calendar];
        var sums = new double[days.Length];
        var counts = new int[days.Length];
        foreach (var series in constituents)
        {
            // Walk the series and the calendar together: a return counts only between consecutive calendar dates.
            int k = 0;
            for (int i = 1; i < series.Count; i++)
            {
                while (days[k] < series.Days[i])
                {
                    k++;
                }

                if (days[k - 1] == series.Days[i - 1])
                {
                    sums[k] += (series.Close[i] / series.Close[i - 1]) - 1;
                    counts[k]++;
                }
            }
        }

        var levels = new double[days.Length];
        double level = 1.0;
        for (int k = 0; k < days.Length; k++)
        {
            if (counts[k] > 0)
            {
                level *= 1 + (sums[k] / counts[k]);
            }

            levels[k] = level;
        }

        string text = label ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"equal-weight of {constituents.Count} symbols (not the official NIFTY 50)");
        return MarketIndex.Of(days, levels, text);
    }
}
