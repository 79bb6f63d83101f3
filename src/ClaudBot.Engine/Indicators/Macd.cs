using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Indicators;

/// <summary>
/// MACD = EMA(fast) - EMA(slow), each seeded with its own simple mean; signal = EMA(signal) of the
/// MACD line, seeded with the mean of the first <c>signal</c> MACD values.
/// </summary>
public struct Macd
{
    private Ema _fast;
    private Ema _slow;
    private Ema _signal;

    public Macd(int fast, int slow, int signal)
    {
        _fast = new Ema(fast);
        _slow = new Ema(slow);
        _signal = new Ema(signal);
    }

    /// <summary>The latest MACD line value (NaN while warming up).</summary>
    public double Line { get; private set; }

    /// <summary>The latest signal line value (NaN while warming up).</summary>
    public double Signal { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double close)
    {
        double line = _fast.Next(close) - _slow.Next(close);
        Line = line;
        Signal = _signal.Next(line);
    }
}
