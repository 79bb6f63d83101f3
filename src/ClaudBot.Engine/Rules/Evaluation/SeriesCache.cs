using ClaudBot.Engine.Data;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// Indicator series of one bar series, computed once and shared by every rule and grid point that names them (keyed by
/// indicator, parameters and source, e.g. <c>rsi(2;close)</c>). Cleared when the bar series changes, and when it holds
/// <see cref="MaxEntries"/> series or <see cref="MaxValues"/> values, so a long sweep's memory stays bounded. One per
/// thread, like the Backtester.
/// </summary>
internal sealed class SeriesCache
{
    /// <summary>At 5,000 bars, 40 KB a series: 256 series is 10 MB per thread at most.</summary>
    public const int MaxEntries = 256;

    /// <summary>32 MB of doubles per thread, whatever the series' length (a 10 M-bar bench series fits 4 at a time).</summary>
    public const long MaxValues = 4L << 20;

    private readonly Dictionary<string, double[]> _series = new(StringComparer.Ordinal);
    private readonly Stack<double[]> _spare = new();
    private BarSeries? _bars;
    private long _values;

    public int Count => _series.Count;

    /// <summary>Starts work on <paramref name="bars"/>; forgets every series when they are not the bars of the last call.</summary>
    public void Use(BarSeries bars)
    {
        if (!ReferenceEquals(bars, _bars))
        {
            // Between runs nothing reads the old series, so their arrays can be filled again for the new bars.
            foreach (var series in _series.Values)
            {
                if (series.Length == bars.Count && _spare.Count < MaxEntries)
                {
                    _spare.Push(series);
                }
            }

            Clear();
            _bars = bars;
        }
    }

    /// <summary>An array for a new series: one the last bar series' cache held, when one of this length is spare.</summary>
    public double[] NewSeries(int length)
    {
        while (_spare.TryPop(out var spare))
        {
            if (spare.Length == length)
            {
                return spare;
            }
        }

        return new double[length];
    }

    public bool TryGet(string key, out double[] series) => _series.TryGetValue(key, out series!);

    public void Add(string key, double[] series)
    {
        if (_series.Count >= MaxEntries || _values + series.Length > MaxValues)
        {
            Clear();
        }

        _series[key] = series;
        _values += series.Length;
    }

    public void Clear()
    {
        _series.Clear();
        _values = 0;
    }
}
