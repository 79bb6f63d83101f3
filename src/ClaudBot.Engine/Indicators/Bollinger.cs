namespace ClaudBot.Engine.Indicators;

/// <summary>
/// Bollinger bands: middle = SMA(n), bands = middle ± k * population standard deviation over the same
/// window. Sums are kept relative to the first value seen so the variance does not lose precision to
/// cancellation when prices are large and the spread is small.
/// </summary>
public struct Bollinger
{
    private readonly double[] _window;
    private readonly double _k;
    private int _position;
    private int _count;
    private bool _hasOrigin;
    private double _origin;
    private double _sum;
    private double _sumOfSquares;

    public Bollinger(int period, double k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new double[period];
        _k = k;
    }

    public double Middle { get; private set; }

    public double Upper { get; private set; }

    public double Lower { get; private set; }

    /// <summary>Feeds one close; returns true once the bands are defined.</summary>
    public bool Update(double close)
    {
        if (!_hasOrigin)
        {
            _origin = close;
            _hasOrigin = true;
        }

        double x = close - _origin;
        int n = _window.Length;
        if (_count == n)
        {
            double old = _window[_position];
            _sum += x - old;
            _sumOfSquares += (x * x) - (old * old);
        }
        else
        {
            _sum += x;
            _sumOfSquares += x * x;
            _count++;
        }

        _window[_position] = x;
        if (++_position == n)
        {
            _position = 0;
        }

        if (_count < n)
        {
            Middle = Upper = Lower = double.NaN;
            return false;
        }

        double mean = _sum / n;
        double variance = Math.Max((_sumOfSquares / n) - (mean * mean), 0);
        double width = _k * Math.Sqrt(variance);
        Middle = mean + _origin;
        Upper = Middle + width;
        Lower = Middle - width;
        return true;
    }
}
