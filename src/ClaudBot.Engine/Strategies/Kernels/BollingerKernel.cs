using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>
/// Bollinger rule without a square root or division per bar. With S and Q the window's sums of
/// (x - origin) and its square, and d = n*(close - origin) - S = n*(close - middle):
/// close &lt; lower &lt;=&gt; d &lt; 0 and d² &gt; k²(nQ - S²); close &gt; middle &lt;=&gt; d &gt; 0.
/// Sums are relative to the first close so they stay small and precise, and come from series shared by every backtest
/// of the chunk (<see cref="KernelSeries.BollingerSums"/>), added and dropped as an inline rolling sum would be.
/// </summary>
internal readonly struct BollingerKernel(double[] close, double[] sums, double[] squares, int period, double k) : ISignalKernel
{
    private readonly double _origin = close.Length > 0 ? close[0] : 0;
    private readonly double _kSquared = k * k;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index)
    {
        if (index < period - 1)
        {
            return Signal.Hold;
        }

        double x = close[index] - _origin;
        double sum = sums[index];
        double d = (period * x) - sum;
        if (d > 0)
        {
            return Signal.Flat;
        }

        double spread = Math.Max((period * squares[index]) - (sum * sum), 0);
        return d < 0 && d * d > _kSquared * spread ? Signal.Long : Signal.Hold;
    }
}
