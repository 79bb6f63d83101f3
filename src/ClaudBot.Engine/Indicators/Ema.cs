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
    private int _count;
    private double _value;

    public Ema(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _alpha = 2.0 / (period + 1);
        _value = 0;
    }

    public readonly int Period => _period;

    public double Next(double value)
    {
        if (double.IsNaN(value))
        {
            return _count >= _period ? _value : double.NaN;
        }

        if (_count >= _period)
        {
            // TA-Lib form: prev + (x - prev) * alpha, fused so the loop-carried chain stays short.
            _value = Math.FusedMultiplyAdd(value - _value, _alpha, _value);
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
