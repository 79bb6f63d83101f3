using ClaudBot.Engine.Data;

namespace ClaudBot.Backtesting.Market;

/// <summary>
/// The market a result's beta and alpha are measured against: a level on each calendar date, and a <see cref="Label"/>
/// that every output using it shows, so nobody mistakes ClaudBot's stand-in for the official index.
/// </summary>
public sealed class MarketIndex
{
    private readonly int[] _days;
    private readonly double[] _levels;

    private MarketIndex(int[] days, double[] levels, string label)
    {
        _days = days;
        _levels = levels;
        Label = label;
    }

    /// <summary>What the index is, e.g. <c>NIFTY50 (imported)</c> or <c>equal-weight of 49 NIFTY 50 constituents present (not the official index)</c>.</summary>
    public string Label { get; }

    /// <summary>The calendar, as <see cref="DateOnly.DayNumber"/>s, ascending.</summary>
    public ReadOnlySpan<int> Days => _days;

    /// <summary>The level on each calendar date.</summary>
    public ReadOnlySpan<double> Levels => _levels;

    /// <summary>An index whose levels are <paramref name="series"/>' closes (an imported NIFTY 50, say).</summary>
    public static MarketIndex FromSeries(BarSeries series, string label)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new MarketIndex(series.Days, series.Close, label);
    }

    /// <summary>An index of the given levels; <paramref name="days"/> ascend strictly and pair with <paramref name="levels"/>.</summary>
    internal static MarketIndex Of(int[] days, double[] levels, string label) => new(days, levels, label);

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
