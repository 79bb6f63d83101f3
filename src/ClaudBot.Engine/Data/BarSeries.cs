namespace ClaudBot.Engine.Data;

/// <summary>
/// Daily OHLCV bars of one symbol in columnar form, oldest first. Columns are plain arrays so the
/// engine's per-bar loop reads them as spans with no indirection and the binary cache can fill them
/// with one block read each.
/// </summary>
public sealed class BarSeries
{
    /// <summary>Creates a series; every column must have the same length and dates must ascend strictly.</summary>
    public BarSeries(string symbol, int[] days, double[] open, double[] high, double[] low, double[] close, double[] volume)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(days);
        int n = days.Length;
        if (open.Length != n || high.Length != n || low.Length != n || close.Length != n || volume.Length != n)
        {
            throw new ArgumentException("All columns of a bar series must have the same length.");
        }

        for (int i = 1; i < n; i++)
        {
            if (days[i] <= days[i - 1])
            {
                throw new ArgumentException($"Dates must ascend strictly (index {i}).", nameof(days));
            }
        }

        Symbol = symbol;
        Days = days;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
    }

    /// <summary>Canonical upper-case symbol, e.g. <c>RELIANCE</c>.</summary>
    public string Symbol { get; }

    /// <summary>Trade dates as <see cref="DateOnly.DayNumber"/>.</summary>
    public int[] Days { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public double[] Volume { get; }

    public int Count => Days.Length;

    public DateOnly FirstDate => DateOnly.FromDayNumber(Days[0]);

    public DateOnly LastDate => DateOnly.FromDayNumber(Days[^1]);

    public DateOnly DateAt(int index) => DateOnly.FromDayNumber(Days[index]);
}
