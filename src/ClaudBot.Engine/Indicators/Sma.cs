using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Indicators;

/// <summary>
/// Simple moving average, updated one value at a time. Keeps a rolling sum over a ring buffer so each
/// update is O(1); <see cref="double.NaN"/> until <c>period</c> values have been seen.
/// </summary>
public struct Sma
{
    private readonly double[] _window;
    private int _position;
    private int _count;
    private double _sum;

    public Sma(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new double[period];
    }

    public readonly int Period => _window.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Next(double value)
    {
        if (_count == _window.Length)
        {
            _sum += value - _window[_position];
        }
        else
        {
            _sum += value;
            _count++;
        }

        _window[_position] = value;
        if (++_position == _window.Length)
        {
            _position = 0;
        }

        return _count == _window.Length ? _sum / _window.Length : double.NaN;
    }
}
