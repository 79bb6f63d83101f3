namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// One unit of queued work: a run of consecutive tasks on one symbol, so a worker loads the symbol
/// once and runs many backtests per queue round trip. Task <c>FirstTask + i</c> runs <c>Strategies[i]</c>.
/// </summary>
public sealed record ChunkPayload(
    string JobId,
    int Index,
    string Symbol,
    DateOnly From,
    DateOnly To,
    double CostBps,
    double InitialCapital,
    int FirstTask,
    IReadOnlyList<string> Strategies);
