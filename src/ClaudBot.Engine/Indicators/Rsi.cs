using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Indicators;

/// <summary>
/// Relative strength index with Wilder smoothing (TA-Lib convention): the first average gain and loss
/// are simple means of the first n close-to-close changes, later ones avg = (avg*(n-1) + x)/n.
/// RSI = 100 when the average loss is 0. <see cref="double.NaN"/> for the first n values.
/// </summary>
public struct Rsi
{
    private readonly int _period;
    private readonly double _keep;
    private readonly double _inversePeriod;
    private int _changes;
    private double _previous;
    private double _averageGain;
    private double _averageLoss;

    public Rsi(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _keep = (period - 1) / (double)period;
        _inversePeriod = 1.0 / period;
        _changes = -1;
    }

    /// <summary>Smoothed average gain; meaningful once <see cref="IsReady"/>.</summary>
    public readonly double AverageGain => _averageGain;

    /// <summary>Smoothed average loss (positive); meaningful once <see cref="IsReady"/>.</summary>
    public readonly double AverageLoss => _averageLoss;

    public readonly bool IsReady => _changes >= _period;

    /// <summary>Feeds one close; returns true once the averages are defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Update(double close)
    {
        if (_changes < 0)
        {
            _previous = close;
            _changes = 0;
            return false;
        }

        double change = close - _previous;
        _previous = close;
        double gain = Math.Max(change, 0);
        double loss = Math.Max(-change, 0);
        if (_changes >= _period)
        {
            // avg*(n-1)/n + x/n as one fused step: the loop-carried dependency is a single FMA.
            _averageGain = Math.FusedMultiplyAdd(_averageGain, _keep, gain * _inversePeriod);
            _averageLoss = Math.FusedMultiplyAdd(_averageLoss, _keep, loss * _inversePeriod);
            return true;
        }

        _averageGain += gain;
        _averageLoss += loss;
        if (++_changes < _period)
        {
            return false;
        }

        _averageGain /= _period;
        _averageLoss /= _period;
        return true;
    }

    /// <summary>Feeds one close and returns the RSI, or NaN while warming up.</summary>
    public double Next(double close) => Update(close) ? Value : double.NaN;

    /// <summary>The current RSI; meaningful once <see cref="IsReady"/>.</summary>
    public readonly double Value => _averageLoss == 0 ? 100.0 : 100.0 - (100.0 / (1.0 + (_averageGain / _averageLoss)));
}
