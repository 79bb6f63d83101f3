namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// A validated job as stored: strategies as typed (grids included), canonical symbols, the period,
/// the cost, and who asked and when.
/// </summary>
public sealed record JobSpec(
    string Strategies,
    IReadOnlyList<string> Symbols,
    DateOnly From,
    DateOnly To,
    double CostBps,
    string SubmittedBy,
    DateTimeOffset SubmittedAt);
