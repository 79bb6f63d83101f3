namespace ClaudBot.Engine.Simulation;

/// <summary>
/// Exits that any strategy can carry, as fractions of the entry price (0.04 = 4%); null = none. A stop at
/// entry x (1 - <see cref="Stop"/>) and a target at entry x (1 + <see cref="Target"/>) are watched from the entry
/// bar on; a trailing stop at (1 - <see cref="Trail"/>) x the highest close since entry from the bar after it.
/// </summary>
public readonly record struct ExitRules(double? Stop = null, double? Target = null, double? Trail = null)
{
    public static ExitRules None => default;

    public bool Any => Stop is not null || Target is not null || Trail is not null;
}
