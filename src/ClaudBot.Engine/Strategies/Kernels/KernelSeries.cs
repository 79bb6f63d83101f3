using ClaudBot.Engine.Data;
using ClaudBot.Engine.Indicators;
using ClaudBot.Engine.Rules.Evaluation;

namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>
/// Indicator series of one bar series that built-in kernels share: each (indicator, period) computed once for the whole
/// series and read by every backtest of a chunk that uses it (a sweep of 40 lower x 5 upper bands runs each RSI period
/// once instead of 200 times; a fast x slow moving-average or MACD grid each window once; a Bollinger grid over k each
/// period once). The series are the rule path's own (<see cref="IndicatorMath"/>, <see cref="IndicatorSeries"/>), which
/// update exactly as the inline kernels did, so results are the same bits. Forgotten when the bars change or past
/// <see cref="MaxEntries"/> series. One per Backtester, so per thread; a hit allocates nothing (keyed by period, not by
/// text as the rules' <see cref="SeriesCache"/> is).
/// </summary>
internal sealed class KernelSeries
{
    public const int MaxEntries = 128;

    private readonly Dictionary<int, (double[] Gain, double[] Loss)> _rsi = [];
    private readonly Dictionary<int, double[]> _sums = [];
    private readonly Dictionary<int, double[]> _emas = [];
    private readonly Dictionary<int, (double[] Sums, double[] Squares)> _bands = [];

    // Only where IndicatorMath takes its arrays from: nothing is cached in it.
    private readonly SeriesCache _arrays = new();
    private BarSeries? _bars;

    /// <summary>The rolling sum of the last <paramref name="window"/> closes at every bar (NaN until the window fills).</summary>
    public double[] RollingSum(BarSeries bars, int window) =>
        Get(_sums, bars, window, static (arrays, close, n) => IndicatorMath.RollingSums(arrays, close, n));

    /// <summary>The exponential moving average of the closes at every bar (NaN until <paramref name="period"/> closes).</summary>
    public double[] Ema(BarSeries bars, int period) =>
        Get(_emas, bars, period, static (_, close, n) => IndicatorSeries.Ema(close, n));

    /// <summary>The Bollinger kernel's window sums of x = close - the first close and of x² (NaN until the window fills).</summary>
    public (double[] Sums, double[] Squares) BollingerSums(BarSeries bars, int period) =>
        Get(_bands, bars, period, static (arrays, close, n) => IndicatorMath.BollingerSums(arrays, close, n));

    /// <summary>The RSI's smoothed average gain and loss at every bar of <paramref name="bars"/> (NaN before <paramref name="period"/>).</summary>
    public (double[] Gain, double[] Loss) Rsi(BarSeries bars, int period) =>
        Get(_rsi, bars, period, static (arrays, close, n) => IndicatorMath.RsiAverages(arrays, close, n));

    // Static computations: a hit allocates no closure.
    private T Get<T>(Dictionary<int, T> kept, BarSeries bars, int period, Func<SeriesCache, double[], int, T> compute)
    {
        if (!ReferenceEquals(bars, _bars))
        {
            Clear();
            _bars = bars;
        }

        if (kept.TryGetValue(period, out var series))
        {
            return series;
        }

        // Past MaxEntries series, start again (a series already handed out stays valid: arrays are never reused).
        if (_rsi.Count + _sums.Count + _emas.Count + _bands.Count >= MaxEntries)
        {
            Clear();
        }

        series = compute(_arrays, bars.Close, period);
        kept[period] = series;
        return series;
    }

    private void Clear()
    {
        _rsi.Clear();
        _sums.Clear();
        _emas.Clear();
        _bands.Clear();
    }
}
