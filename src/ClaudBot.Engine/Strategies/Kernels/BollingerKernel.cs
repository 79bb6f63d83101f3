using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>
/// Bollinger rule without a square root or division per bar. With S and Q the window's sums of
/// (x - origin) and its square, and d = n*(close - origin) - S = n*(close - middle):
/// close &lt; lower &lt;=&gt; d &lt; 0 and d² &gt; k²(nQ - S²); close &gt; middle &lt;=&gt; d &gt; 0.
/// Sums are relative to the first close so they stay small and precise.
/// </summary>
internal struct BollingerKernel(double[] close, int period, double k) : ISignalKernel
{
    private readonly double _origin = close.Length > 0 ? close[0] : 0;
    private readonly double _kSquared = k * k;
    private double _sum;
    private double _sumOfSquares;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index)
    {
        double x = close[index] - _origin;
        _sum += x;
        _sumOfSquares += x * x;
        if (index >= period)
        {
            double old = close[index - period] - _origin;
            _sum -= old;
            _sumOfSquares -= old * old;
        }

        if (index < period - 1)
        {
            return Signal.Hold;
        }

        double d = (period * x) - _sum;
        if (d > 0)
        {
            return Signal.Flat;
        }

        double spread = Math.Max((period * _sumOfSquares) - (_sum * _sum), 0);
        return d < 0 && d * d > _kSquared * spread ? Signal.Long : Signal.Hold;
    }
}
