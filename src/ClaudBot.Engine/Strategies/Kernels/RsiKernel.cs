using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>
/// The rsi strategy: long below the lower band, flat above the upper, reading the RSI's averages from a series computed
/// once per (bars, period) by <see cref="KernelSeries"/>, so a sweep over bands runs the Wilder smoothing once per period,
/// not once per parameter set. The series is made by the same <see cref="Indicators.Rsi"/> an inline update would use,
/// so the signals are the same, bit for bit.
/// </summary>
internal readonly struct RsiKernel(double[] gain, double[] loss, int firstDefined, double lower, double upper) : ISignalKernel
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index)
    {
        if (index < firstDefined)
        {
            return Signal.Hold;
        }

        double averageGain = gain[index];
        double averageLoss = loss[index];
        if (averageLoss == 0)
        {
            return 100 < lower ? Signal.Long : 100 > upper ? Signal.Flat : Signal.Hold;
        }

        // RSI = 100*G/(G+L) when L > 0, so RSI < lower <=> 100*G < lower*(G+L): no division per bar.
        double scaled = 100 * averageGain;
        double total = averageGain + averageLoss;
        return scaled < lower * total ? Signal.Long : scaled > upper * total ? Signal.Flat : Signal.Hold;
    }
}
