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
public sealed class EqualWeightIndex
{
    private readonly int[] _days;
    private readonly double[] _levels;

    private EqualWeightIndex(int[] days, double[] levels)
    {
        _days = days;
        _levels = levels;
    }

    /// <summary>The calendar, as <see cref="DateOnly.DayNumber"/>s, ascending.</summary>
    public ReadOnlySpan<int> Days => _days;

    /// <summary>The level on each calendar date (1.0 on the first).</summary>
    public ReadOnlySpan<double> Levels => _levels;

    /// <summary>Builds the index of <paramref name="constituents"/> (see the remarks).</summary>
    public static EqualWeightIndex Build(IReadOnlyList<BarSeries> constituents)
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

        return new EqualWeightIndex(days, levels);
    }

    /// <summary>The level on <paramref name="day"/> (a <see cref="DateOnly.DayNumber"/>); false when it is not a calendar date.</summary>
    public bool TryLevel(int day, out double level)
    {
        int k = Array.BinarySearch(_days, day);
        level = k >= 0 ? _levels[k] : double.NaN;
        return k >= 0;
    }

    /// <summary>
    /// The index's return between each pair of consecutive <paramref name="days"/> (<see cref="DateOnly.DayNumber"/>s):
    /// element t - 1 is level(days[t]) / level(days[t - 1]) - 1, NaN where either date is not on the calendar.
    /// </summary>
    public double[] ReturnsOver(ReadOnlySpan<int> days)
    {
        var returns = new double[Math.Max(days.Length - 1, 0)];
        for (int t = 1; t < days.Length; t++)
        {
            returns[t - 1] = TryLevel(days[t], out double level) && TryLevel(days[t - 1], out double previous) ? (level / previous) - 1 : double.NaN;
        }

        return returns;
    }
}
