using ClaudBot.Engine.Data;
using ClaudBot.MarketData.Import;

namespace ClaudBot.MarketData.Actions;

/// <summary>
/// Back-adjusts raw bars for splits and bonuses, so a 1:2 split reads as the same holding rather than a 50% crash: every
/// bar before a split's date has its prices divided by the ratio and its volume multiplied by it; bars on and after the
/// date are left as they are. Several splits compound (a bar before both divides by the product).
/// </summary>
public static class SplitAdjuster
{
    /// <summary>
    /// The adjusted copy of <paramref name="bars"/>, or <paramref name="bars"/> itself when no split falls inside it.
    /// Only splits of the series' own symbol count; one on or before the first bar, or after the last, changes nothing
    /// (the bars already agree with each other on either side of it).
    /// </summary>
    public static BarSeries Adjust(BarSeries bars, IReadOnlyList<SplitEvent> splits)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(splits);
        var factors = Factors(bars, splits);
        if (factors is null)
        {
            return bars;
        }

        int n = bars.Count;
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var close = new double[n];
        var volume = new double[n];
        for (int i = 0; i < n; i++)
        {
            double f = factors[i];
            open[i] = bars.Open[i] / f;
            high[i] = bars.High[i] / f;
            low[i] = bars.Low[i] / f;
            close[i] = bars.Close[i] / f;
            volume[i] = bars.Volume[i] * f;
        }

        return new BarSeries(bars.Symbol, bars.Days, open, high, low, close, volume);
    }

    // The cumulative ratio each bar divides by; null when every bar's is 1.
    private static double[]? Factors(BarSeries bars, IReadOnlyList<SplitEvent> splits)
    {
        double[]? factors = null;
        foreach (var split in splits)
        {
            if (!string.Equals(split.Symbol, bars.Symbol, StringComparison.OrdinalIgnoreCase) || bars.Count == 0)
            {
                continue;
            }

            int day = split.Date.DayNumber;
            if (day <= bars.Days[0] || day > bars.Days[^1])
            {
                continue;
            }

            if (!(split.Ratio > 0) || !double.IsFinite(split.Ratio))
            {
                throw new ArgumentException($"The split of {bars.Symbol} on {split.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} has a ratio that is not a positive number.", nameof(splits));
            }

            factors ??= Ones(bars.Count);
            for (int i = 0; i < bars.Count && bars.Days[i] < day; i++)
            {
                factors[i] *= split.Ratio;
            }
        }

        return factors;
    }

    private static double[] Ones(int count)
    {
        var ones = new double[count];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
