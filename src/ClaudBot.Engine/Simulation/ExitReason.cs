namespace ClaudBot.Engine.Simulation;

/// <summary>
/// Why a trade ended: the strategy's signal, a stop, a target, a trailing stop, still open at the end, or sold at the
/// close of a walk-forward window's last bar so the next window starts flat.
/// </summary>
public enum ExitReason
{
    Signal,
    Stop,
    Target,
    Trail,
    Open,
    Window,
}
