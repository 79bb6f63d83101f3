namespace ClaudBot.Engine.Data;

/// <summary>
/// The bars of a series that fall in a requested date range, as inclusive indices. <see cref="From"/>
/// and <see cref="To"/> are the dates of the first and last bar used.
/// </summary>
public readonly record struct BarRange(int Start, int End, DateOnly RequestedFrom, DateOnly RequestedTo, DateOnly From, DateOnly To)
{
    public int Count => End - Start + 1;

    /// <summary>True when the request reached beyond the data and was cut to the overlap.</summary>
    public bool IsClipped { get; init; }

    /// <summary>
    /// Finds the bars in [from, to]. A range that only partly overlaps the data is clipped to the
    /// overlap; a range with no bars at all throws <see cref="DateRangeException"/>.
    /// </summary>
    public static BarRange Resolve(BarSeries series, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (from > to)
        {
            throw new DateRangeException($"The range {from:yyyy-MM-dd} to {to:yyyy-MM-dd} is inverted: 'from' must not be after 'to'.");
        }

        var days = series.Days;
        int start = LowerBound(days, from.DayNumber);
        int end = LowerBound(days, to.DayNumber + 1) - 1;
        if (series.Count == 0 || start > end)
        {
            string span = series.Count == 0 ? "no bars" : $"bars from {series.FirstDate:yyyy-MM-dd} to {series.LastDate:yyyy-MM-dd}";
            throw new DateRangeException(
                $"{series.Symbol} has {span}; nothing falls in {from:yyyy-MM-dd} to {to:yyyy-MM-dd}.");
        }

        // Clipped means the request reached beyond the data, not that it began on a holiday.
        bool clipped = from < series.FirstDate || to > series.LastDate;
        return new BarRange(start, end, from, to, series.DateAt(start), series.DateAt(end)) { IsClipped = clipped };
    }

    private static int LowerBound(int[] days, int value)
    {
        int index = Array.BinarySearch(days, value);
        return index >= 0 ? index : ~index;
    }
}
