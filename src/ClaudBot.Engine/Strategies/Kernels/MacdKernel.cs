using System.Runtime.CompilerServices;
using ClaudBot.Engine.Indicators;

namespace ClaudBot.Engine.Strategies.Kernels;

/// <summary>
/// Long while the MACD line (fast EMA minus slow EMA) is above its signal EMA. The two EMAs come from series shared by
/// every backtest of the chunk (<see cref="KernelSeries.Ema"/>, the same bits as <see cref="Macd"/>'s own); the signal
/// EMA of the line is this backtest's own.
/// </summary>
internal struct MacdKernel(double[] fastEma, double[] slowEma, int signal) : ISignalKernel
{
    private Ema _signal = new(signal);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index)
    {
        double line = fastEma[index] - slowEma[index];
        double signalLine = _signal.Next(line);
        if (double.IsNaN(signalLine))
        {
            return Signal.Hold;
        }

        return line > signalLine ? Signal.Long : Signal.Flat;
    }
}
