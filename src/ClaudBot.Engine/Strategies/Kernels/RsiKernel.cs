using System.Runtime.CompilerServices;
using ClaudBot.Engine.Indicators;

namespace ClaudBot.Engine.Strategies.Kernels;

internal struct RsiKernel(double[] close, int period, double lower, double upper) : ISignalKernel
{
    private Rsi _rsi = new(period);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index)
    {
        if (!_rsi.Update(close[index]))
        {
            return Signal.Hold;
        }

        double gain = _rsi.AverageGain;
        double loss = _rsi.AverageLoss;
        if (loss == 0)
        {
            return 100 < lower ? Signal.Long : 100 > upper ? Signal.Flat : Signal.Hold;
        }

        // RSI = 100*G/(G+L) when L > 0, so RSI < lower <=> 100*G < lower*(G+L): no division per bar.
        double scaled = 100 * gain;
        double total = gain + loss;
        return scaled < lower * total ? Signal.Long : scaled > upper * total ? Signal.Flat : Signal.Hold;
    }
}
