using ClaudBot.Engine.Indicators;

namespace ClaudBot.Engine.Strategies.Kernels;

internal struct BollingerKernel(double[] close, int period, double k) : ISignalKernel
{
    private Bollinger _bands = new(period, k);

    public Signal Next(int index)
    {
        double value = close[index];
        if (!_bands.Update(value))
        {
            return Signal.Hold;
        }

        return value < _bands.Lower ? Signal.Long : value > _bands.Middle ? Signal.Flat : Signal.Hold;
    }
}
