using ClaudBot.Engine.Indicators;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// Whole-series indicators over any source, each starting at the source's first defined (non-NaN) bar, with the
/// engine's formulas (the incremental types in ClaudBot.Engine.Indicators, or the kernels' own sums where a
/// comparison must give exactly the kernel's decision).
/// </summary>
internal static class IndicatorMath
{
    public static int FirstDefined(ReadOnlySpan<double> source)
    {
        int i = 0;
        while (i < source.Length && double.IsNaN(source[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Rolling sums of n values, added and dropped exactly as <see cref="Sma"/> and the sma_cross kernel do.</summary>
    public static double[] RollingSums(SeriesCache cache, double[] source, int period)
    {
        var sums = NaNs(cache, source.Length);
        int first = FirstDefined(source);
        double sum = 0;
        for (int i = first; i < source.Length; i++)
        {
            sum += i - first >= period ? source[i] - source[i - period] : source[i];
            if (i - first >= period - 1)
            {
                sums[i] = sum;
            }
        }

        return sums;
    }

    public static double[] Sma(SeriesCache cache, double[] sums, int period)
    {
        var result = cache.NewSeries(sums.Length);
        for (int i = 0; i < sums.Length; i++)
        {
            result[i] = sums[i] / period;
        }

        return result;
    }

    /// <summary>Wilder's average gain and loss (as <see cref="Rsi"/> keeps them), NaN while warming up.</summary>
    public static (double[] Gain, double[] Loss) RsiAverages(SeriesCache cache, double[] source, int period)
    {
        var gain = NaNs(cache, source.Length);
        var loss = NaNs(cache, source.Length);
        var rsi = new Rsi(period);
        for (int i = FirstDefined(source); i < source.Length; i++)
        {
            if (rsi.Update(source[i]))
            {
                gain[i] = rsi.AverageGain;
                loss[i] = rsi.AverageLoss;
            }
        }

        return (gain, loss);
    }

    /// <summary>RSI from the averages with <see cref="Rsi.Value"/>'s formula.</summary>
    public static double[] Rsi(SeriesCache cache, double[] gain, double[] loss)
    {
        var result = cache.NewSeries(gain.Length);
        for (int i = 0; i < gain.Length; i++)
        {
            double g = gain[i];
            double l = loss[i];
            result[i] = double.IsNaN(g) ? double.NaN : l == 0 ? 100.0 : 100.0 - (100.0 / (1.0 + (g / l)));
        }

        return result;
    }

    public static double[] RateOfChange(SeriesCache cache, double[] source, int period)
    {
        var result = NaNs(cache, source.Length);
        for (int i = period; i < source.Length; i++)
        {
            result[i] = ((source[i] / source[i - period]) - 1) * 100;
        }

        return result;
    }

    /// <summary>
    /// The largest (or smallest) of the last n values, the current one included: a monotonic queue of candidates, so
    /// highest(5000) costs the same per bar as highest(5).
    /// </summary>
    public static double[] Extreme(SeriesCache cache, double[] source, int period, bool highest)
    {
        var result = NaNs(cache, source.Length);
        var candidates = new int[source.Length];
        int head = 0;
        int tail = 0;
        int first = FirstDefined(source);
        for (int i = first; i < source.Length; i++)
        {
            double value = source[i];
            while (tail > head && (highest ? source[candidates[tail - 1]] <= value : source[candidates[tail - 1]] >= value))
            {
                tail--;
            }

            candidates[tail++] = i;
            if (candidates[head] <= i - period)
            {
                head++;
            }

            if (i - first >= period - 1)
            {
                result[i] = source[candidates[head]];
            }
        }

        return result;
    }

    public static double[] Difference(SeriesCache cache, double[] a, double[] b)
    {
        var result = cache.NewSeries(a.Length);
        for (int i = 0; i < a.Length; i++)
        {
            result[i] = a[i] - b[i];
        }

        return result;
    }

    /// <summary>
    /// The Bollinger kernel's window sums of (close - close[0]) and its square, updated as it updates them (add the new
    /// value, then drop the old one), so a band comparison built on them decides exactly as the kernel does.
    /// </summary>
    public static (double[] Sum, double[] SumOfSquares) BollingerSums(SeriesCache cache, double[] close, int period)
    {
        var sums = NaNs(cache, close.Length);
        var squares = NaNs(cache, close.Length);
        double origin = close.Length > 0 ? close[0] : 0;
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < close.Length; i++)
        {
            double x = close[i] - origin;
            sum += x;
            sumOfSquares += x * x;
            if (i >= period)
            {
                double old = close[i - period] - origin;
                sum -= old;
                sumOfSquares -= old * old;
            }

            if (i >= period - 1)
            {
                sums[i] = sum;
                squares[i] = sumOfSquares;
            }
        }

        return (sums, squares);
    }

    private static double[] NaNs(SeriesCache cache, int length)
    {
        var result = cache.NewSeries(length);
        result.AsSpan().Fill(double.NaN);
        return result;
    }
}
