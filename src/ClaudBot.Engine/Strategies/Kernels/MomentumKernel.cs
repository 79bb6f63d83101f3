using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Strategies.Kernels;

internal readonly struct MomentumKernel(double[] close, int lookback, double threshold) : ISignalKernel
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index)
    {
        if (index < lookback)
        {
            return Signal.Hold;
        }

        return (close[index] / close[index - lookback]) - 1 > threshold ? Signal.Long : Signal.Flat;
    }
}
