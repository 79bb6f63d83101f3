namespace ClaudBot.Engine.Strategies.Parsing;

/// <summary>The parameter sets a strategy list expands to, and notes for the user (dropped combinations).</summary>
public sealed record StrategySelection(IReadOnlyList<StrategyParameters> Parameters, IReadOnlyList<string> Notes);
