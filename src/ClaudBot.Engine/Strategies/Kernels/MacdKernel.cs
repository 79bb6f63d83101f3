using System.Runtime.CompilerServices;
using ClaudBot.Engine.Indicators;

namespace ClaudBot.Engine.Strategies.Kernels;

internal struct MacdKernel(double[] close, int fast, int slow, int signal) : ISignalKernel
{
    private Macd _macd = new(fast, slow, signal);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Signal Next(int index)
    {
        _macd.Update(close[index]);
        double line = _macd.Line;
        double signalLine = _macd.Signal;
        if (double.IsNaN(signalLine))
        {
            return Signal.Hold;
        }

        return line > signalLine ? Signal.Long : Signal.Flat;
    }
}
