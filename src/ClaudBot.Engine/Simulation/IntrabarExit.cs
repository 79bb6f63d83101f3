using System.Runtime.CompilerServices;

namespace ClaudBot.Engine.Simulation;

/// <summary>
/// Whether and where a held position's stop (the higher of the fixed stop and the trail) or target fills within one bar:
/// a gap through a level fills at the open, and when one bar reaches both the stop wins. Shared by the single-symbol
/// loop and the portfolio so both exit by one definition; inlined, so the loop's state stays in registers.
/// </summary>
internal static class IntrabarExit
{
    /// <summary>Whether the bar reaches <paramref name="stopLevel"/> or <paramref name="targetLevel"/> (at its open, low or high).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Reached(double open, double high, double low, double stopLevel, double targetLevel) =>
        Math.Min(open, low) <= stopLevel || Math.Max(open, high) >= targetLevel;

    /// <summary>
    /// The fill price before slippage of a bar that <see cref="Reached"/> a level, and why: <see cref="ExitReason.Trail"/>
    /// when the stop level has risen above the fixed stop (<paramref name="fixedStop"/>), else <see cref="ExitReason.Stop"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Level(double open, double low, double stopLevel, double targetLevel, double fixedStop, out ExitReason reason)
    {
        bool stopped = Math.Min(open, low) <= stopLevel && !(open >= targetLevel && open > stopLevel);
        reason = !stopped ? ExitReason.Target : stopLevel > fixedStop ? ExitReason.Trail : ExitReason.Stop;
        return stopped ? Math.Min(open, stopLevel) : Math.Max(open, targetLevel);
    }
}
