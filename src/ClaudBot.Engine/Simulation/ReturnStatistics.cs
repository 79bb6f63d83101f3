using System.Numerics;

namespace ClaudBot.Engine.Simulation;

/// <summary>
/// Mean, sample standard deviation and downside deviation of the daily returns of an equity curve,
/// computed in one vectorised pass (the returns are never stored). Sums are taken relative to the first
/// return (shifted data), so a constant series gives an exact zero variance instead of rounding noise.
/// </summary>
internal readonly record struct ReturnStatistics(int Count, double Mean, double StandardDeviation, double DownsideDeviation)
{
    // Optimised from its first call, as the simulator's loop is (it runs once per backtest).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ReturnStatistics FromEquity(ReadOnlySpan<double> equity)
    {
        int n = equity.Length - 1;
        if (n < 1)
        {
            return default;
        }

        double shift = (equity[1] / equity[0]) - 1;
        double sum = 0;
        double sumOfSquares = 0;
        double downside = 0;
        int i = 1;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count * 2)
        {
            var shiftVector = new Vector<double>(shift);
            var vectorSum = Vector<double>.Zero;
            var vectorSquares = Vector<double>.Zero;
            var vectorDownside = Vector<double>.Zero;
            int width = Vector<double>.Count;
            for (; i + width <= equity.Length; i += width)
            {
                var r = (new Vector<double>(equity[i..]) / new Vector<double>(equity[(i - 1)..])) - Vector<double>.One;
                var d = r - shiftVector;
                vectorSum += d;
                vectorSquares += d * d;
                var down = Vector.Min(r, Vector<double>.Zero);
                vectorDownside += down * down;
            }

            sum = Vector.Sum(vectorSum);
            sumOfSquares = Vector.Sum(vectorSquares);
            downside = Vector.Sum(vectorDownside);
        }

        for (; i < equity.Length; i++)
        {
            double r = (equity[i] / equity[i - 1]) - 1;
            double d = r - shift;
            sum += d;
            sumOfSquares += d * d;
            double down = Math.Min(r, 0);
            downside += down * down;
        }

        double std = n < 2 ? 0 : Math.Sqrt(Math.Max((sumOfSquares - (sum * sum / n)) / (n - 1), 0));
        return new ReturnStatistics(n, shift + (sum / n), std, Math.Sqrt(downside / n));
    }
}
