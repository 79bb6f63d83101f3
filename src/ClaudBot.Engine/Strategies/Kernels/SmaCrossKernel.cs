using ClaudBot.Engine.Indicators;

namespace ClaudBot.Engine.Strategies.Kernels;

internal struct SmaCrossKernel(double[] close, int fast, int slow) : ISignalKernel
{
    private Sma _fast = new(fast);
    private Sma _slow = new(slow);

    public Signal Next(int index)
    {
        double value = close[index];
        double fastAverage = _fast.Next(value);
        double slowAverage = _slow.Next(value);
        if (double.IsNaN(slowAverage) || double.IsNaN(fastAverage))
        {
            return Signal.Hold;
        }

        return fastAverage > slowAverage ? Signal.Long : Signal.Flat;
    }
}
