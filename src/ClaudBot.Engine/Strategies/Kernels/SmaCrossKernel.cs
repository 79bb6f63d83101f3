using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>
/// Long while the fast moving average is above the slow one, reading both windows' rolling sums from series shared by
/// every backtest of the chunk (<see cref="KernelSeries.RollingSum"/>), and comparing sumFast*slow &gt; sumSlow*fast so no
/// bar pays for a division.
/// </summary>
internal readonly struct SmaCrossKernel(double[] fastSums, double[] slowSums, int fast, int slow) : ISignalKernel
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index)
    {
        if (index < slow - 1)
        {
            return Signal.Hold;
        }

        return fastSums[index] * slow > slowSums[index] * fast ? Signal.Long : Signal.Flat;
    }
}
