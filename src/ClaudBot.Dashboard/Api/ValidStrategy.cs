namespace ClaudBot.Dashboard.Api;

/// <summary>A strategy text a job would accept.</summary>
/// <param name="Canonical">The text as the engine writes it back: a rule's canonical text with its grids as value lists, or the built-in list normalised.</param>
/// <param name="Combinations">How many parameter sets (rules, for a rule with grids) a job runs per symbol.</param>
public sealed record ValidStrategy(string Canonical, int Combinations, StrategyKind Kind) : StrategyCheck(true);
