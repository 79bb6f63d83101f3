using ClaudBot.Engine.Data;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// Whether a file's prices are raw or already adjusted around a split it lists: raw prices jump by about the ratio from
/// the close before the split to the open on its day; adjusted ones run on smoothly. A split column says a split
/// happened, not which kind of prices sit beside it (yfinance's exports are adjusted, a broker's are raw), and recording
/// the split for adjusted prices would divide them twice.
/// </summary>
public static class SplitEvidence
{
    /// <summary>What the bars show about one split.</summary>
    public enum Finding
    {
        /// <summary>The bars do not straddle the split (it falls on or before the first bar, or after the last).</summary>
        NotShown,

        /// <summary>The prices jump across the split by nearer the ratio than nothing: raw.</summary>
        Raw,

        /// <summary>The prices run on across the split: already adjusted.</summary>
        Adjusted,
    }

    public static Finding Of(BarSeries bars, SplitEvent split)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(split);
        int day = split.Date.DayNumber;
        int after = bars.Days.AsSpan().BinarySearch(day);
        after = after < 0 ? ~after : after;
        if (after == 0 || after >= bars.Count || !(bars.Close[after - 1] > 0) || !(bars.Open[after] > 0))
        {
            return Finding.NotShown;
        }

        // Compared in logs: a 2:1 split shows as a jump near 2; within a normal day's move of 1 it shows as nothing.
        double jump = Math.Log(bars.Close[after - 1] / bars.Open[after]);
        double expected = Math.Log(split.Ratio);
        return Math.Abs(jump - expected) < Math.Abs(jump) ? Finding.Raw : Finding.Adjusted;
    }
}
