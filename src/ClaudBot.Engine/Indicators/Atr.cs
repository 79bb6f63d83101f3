namespace ClaudBot.Engine.Indicators;

/// <summary>
/// Average true range with Wilder smoothing (TA-Lib convention): true range starts at the second bar;
/// the first ATR (at bar n) is the mean of the first n true ranges.
/// </summary>
public struct Atr
{
    private readonly int _period;
    private int _ranges;
    private double _previousClose;
    private double _value;

    public Atr(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _period = period;
        _ranges = -1;
    }

    public double Next(double high, double low, double close)
    {
        if (_ranges < 0)
        {
            _previousClose = close;
            _ranges = 0;
            return double.NaN;
        }

        double trueRange = Math.Max(high - low, Math.Max(Math.Abs(high - _previousClose), Math.Abs(low - _previousClose)));
        _previousClose = close;
        if (_ranges >= _period)
        {
            _value = ((_value * (_period - 1)) + trueRange) / _period;
            return _value;
        }

        _value += trueRange;
        if (++_ranges < _period)
        {
            return double.NaN;
        }

        _value /= _period;
        return _value;
    }
}
