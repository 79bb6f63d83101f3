namespace ClaudBot.Engine.Simulation;

/// <summary>Why a trade ended: the strategy's signal, a stop, a target, a trailing stop, or still open at the end.</summary>
public enum ExitReason
{
    Signal,
    Stop,
    Target,
    Trail,
    Open,
}
