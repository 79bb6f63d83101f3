using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Indicators;

/// <summary>
/// Exponential moving average with alpha = 2/(n+1), seeded with the simple mean of its first n values
/// (TA-Lib convention); <see cref="double.NaN"/> before that. NaN inputs are skipped, so an EMA can
/// follow another indicator's warm-up (MACD's signal line).
/// </summary>
public struct Ema
{
    private readonly int _period;
    private readonly double _alpha;
    private readonly double _keep;
    private int _count;
    private double _value;

    public Ema(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _alpha = 2.0 / (period + 1);
        _keep = 1 - _alpha;
        _value = 0;
    }

    public readonly int Period => _period;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Next(double value)
    {
        if (double.IsNaN(value))
        {
            return _count >= _period ? _value : double.NaN;
        }

        if (_count >= _period)
        {
            // prev*(1-alpha) + x*alpha: the loop-carried dependency is one fused multiply-add
            // (TA-Lib's prev + (x-prev)*alpha is the same number to within an ulp, but a longer chain).
            _value = Math.FusedMultiplyAdd(_value, _keep, value * _alpha);
            return _value;
        }

        _value += value;
        if (++_count < _period)
        {
            return double.NaN;
        }

        _value /= _period;
        return _value;
    }
}
