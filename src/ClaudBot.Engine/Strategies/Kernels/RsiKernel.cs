using ClaudBot.Engine.Indicators;

namespace ClaudBot.Engine.Strategies.Kernels;

internal struct RsiKernel(double[] close, int period, double lower, double upper) : ISignalKernel
{
    private Rsi _rsi = new(period);

    public Signal Next(int index)
    {
        if (!_rsi.Update(close[index]))
        {
            return Signal.Hold;
        }

        double rsi = _rsi.Value;
        return rsi < lower ? Signal.Long : rsi > upper ? Signal.Flat : Signal.Hold;
    }
}
