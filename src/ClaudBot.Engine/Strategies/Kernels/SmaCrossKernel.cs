using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>
/// Rolling sums read straight from the close array (no ring buffers), and fast &gt; slow compared as
/// sumFast*slow &gt; sumSlow*fast so no bar pays for a division.
/// </summary>
internal struct SmaCrossKernel(double[] close, int fast, int slow) : ISignalKernel
{
    private double _fastSum;
    private double _slowSum;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index)
    {
        double value = close[index];
        _fastSum += index >= fast ? value - close[index - fast] : value;
        _slowSum += index >= slow ? value - close[index - slow] : value;
        if (index < slow - 1)
        {
            return Signal.Hold;
        }

        return _fastSum * slow > _slowSum * fast ? Signal.Long : Signal.Flat;
    }
}
