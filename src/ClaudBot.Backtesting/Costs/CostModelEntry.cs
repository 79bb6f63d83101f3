using ClaudBot.Engine.Simulation;

namespace ClaudBot.Backtesting.Costs;

/// <summary>A model file as listed: its name and path, and the model it gives, or the one-line error that stops it.</summary>
public sealed record CostModelEntry(string Name, string Path, CostModel? Model, string? Description, string? Error);
