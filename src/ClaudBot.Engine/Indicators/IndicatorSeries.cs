namespace ClaudBot.Engine.Indicators;

/// <summary>
/// Whole-series forms of the indicators, for reports, charts and tests. Each runs the same incremental
/// type the strategies use, so there is one implementation of every formula. Undefined values are NaN.
/// </summary>
public static class IndicatorSeries
{
    public static double[] Sma(ReadOnlySpan<double> values, int period)
    {
        var indicator = new Sma(period);
        var output = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            output[i] = indicator.Next(values[i]);
        }

        return output;
    }

    public static double[] Ema(ReadOnlySpan<double> values, int period)
    {
        var indicator = new Ema(period);
        var output = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            output[i] = indicator.Next(values[i]);
        }

        return output;
    }

    public static double[] Rsi(ReadOnlySpan<double> closes, int period)
    {
        var indicator = new Rsi(period);
        var output = new double[closes.Length];
        for (int i = 0; i < closes.Length; i++)
        {
            output[i] = indicator.Next(closes[i]);
        }

        return output;
    }

    public static (double[] Line, double[] Signal) Macd(ReadOnlySpan<double> closes, int fast, int slow, int signal)
    {
        var indicator = new Macd(fast, slow, signal);
        var line = new double[closes.Length];
        var signalLine = new double[closes.Length];
        for (int i = 0; i < closes.Length; i++)
        {
            indicator.Update(closes[i]);
            line[i] = indicator.Line;
            signalLine[i] = indicator.Signal;
        }

        return (line, signalLine);
    }

    public static (double[] Upper, double[] Middle, double[] Lower) Bollinger(ReadOnlySpan<double> closes, int period, double k)
    {
        var indicator = new Bollinger(period, k);
        var upper = new double[closes.Length];
        var middle = new double[closes.Length];
        var lower = new double[closes.Length];
        for (int i = 0; i < closes.Length; i++)
        {
            indicator.Update(closes[i]);
            upper[i] = indicator.Upper;
            middle[i] = indicator.Middle;
            lower[i] = indicator.Lower;
        }

        return (upper, middle, lower);
    }

    public static double[] Atr(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period)
    {
        var indicator = new Atr(period);
        var output = new double[close.Length];
        for (int i = 0; i < close.Length; i++)
        {
            output[i] = indicator.Next(high[i], low[i], close[i]);
        }

        return output;
    }

    /// <summary>Rate of change in percent: (close / close n bars earlier - 1) * 100.</summary>
    public static double[] RateOfChange(ReadOnlySpan<double> closes, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        var output = new double[closes.Length];
        for (int i = 0; i < closes.Length; i++)
        {
            output[i] = i < period ? double.NaN : ((closes[i] / closes[i - period]) - 1) * 100;
        }

        return output;
    }
}
