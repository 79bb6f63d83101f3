namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// A validated job as stored: strategies as typed (grids included), canonical symbols, the period,
/// the cost, and who asked and when; with the capital, the data's fingerprint and the engine's version that
/// decide its numbers (absent in jobs queued before they were recorded).
/// </summary>
public sealed record JobSpec(
    string Strategies,
    IReadOnlyList<string> Symbols,
    DateOnly From,
    DateOnly To,
    double CostBps,
    string SubmittedBy,
    DateTimeOffset SubmittedAt)
{
    /// <summary>Starting equity of every backtest, in rupees.</summary>
    public double? InitialCapital { get; init; }

    /// <summary>The bars the job ran on (<see cref="Jobs.DataFingerprint"/>).</summary>
    public string? DataFingerprint { get; init; }

    /// <summary>The engine that planned it (<see cref="Jobs.EngineVersion"/>).</summary>
    public string? EngineVersion { get; init; }
}
