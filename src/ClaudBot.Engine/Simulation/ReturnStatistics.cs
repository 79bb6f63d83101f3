using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Simulation;

/// <summary>
/// Running sums of daily returns for mean, sample standard deviation and downside deviation in one
/// pass. Sums are taken relative to the first return (shifted data), so a constant series gives an
/// exact zero variance instead of rounding noise.
/// </summary>
internal struct ReturnStatistics
{
    private double _shift;
    private double _sum;
    private double _sumOfSquares;
    private double _downsideSquares;

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double r)
    {
        if (Count == 0)
        {
            _shift = r;
        }

        double d = r - _shift;
        _sum += d;
        _sumOfSquares += d * d;
        double down = Math.Min(r, 0);
        _downsideSquares += down * down;
        Count++;
    }

    public readonly double Mean => Count == 0 ? 0 : _shift + (_sum / Count);

    /// <summary>Sample standard deviation (ddof = 1); 0 with fewer than two returns.</summary>
    public readonly double StandardDeviation =>
        Count < 2 ? 0 : Math.Sqrt(Math.Max((_sumOfSquares - (_sum * _sum / Count)) / (Count - 1), 0));

    /// <summary>sqrt(mean(min(r, 0)^2)).</summary>
    public readonly double DownsideDeviation => Count == 0 ? 0 : Math.Sqrt(_downsideSquares / Count);
}
