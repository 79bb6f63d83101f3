namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// One unit of queued work: a run of consecutive tasks on one symbol, so a worker loads the symbol
/// once and runs many backtests per queue round trip. Task <c>FirstTask + i</c> runs <c>Strategies[i]</c>.
/// In the queue a chunk names its <see cref="ParameterBlock"/> instead of carrying the texts (a job's parameter sets are
/// stored once, not once per symbol); <see cref="Queue.WorkQueue"/> fills <see cref="Strategies"/> back in when it reads one.
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
    IReadOnlyList<string> Strategies)
{
    /// <summary>
    /// The cost model's components, resolved by the planner: a worker on another machine charges exactly these, whatever
    /// model files it has. Null is <c>bps:</c><see cref="CostBps"/> (and every chunk queued before cost models).
    /// </summary>
    public Engine.Simulation.CostModel? Costs { get; init; }

    public double SlippageBps { get; init; }

    /// <summary><c>all</c>, <c>pct:P</c> or <c>amount:A</c>.</summary>
    public string Size { get; init; } = "all";

    public bool WholeShares { get; init; }

    /// <summary>
    /// The planner's fingerprint of the bars this chunk's backtests read (<see cref="Jobs.DataFingerprint.OfBarsRead"/>): a worker whose
    /// own bars give another refuses the chunk. Null (chunks queued before fingerprints) is not checked.
    /// </summary>
    public string? DataFingerprint { get; init; }

    /// <summary>
    /// Which block of the job's parameter sets this chunk runs (block <c>b</c> holds the sets from <c>b</c> times the job's
    /// block size on, in task order). Null: <see cref="Strategies"/> holds the texts themselves (chunks queued before blocks).
    /// </summary>
    public int? ParameterBlock { get; init; }

    /// <summary>Set in a portfolio job's chunks: <see cref="Symbol"/> then names the lane, and each task is a portfolio of these symbols.</summary>
    public PortfolioChunk? Portfolio { get; init; }

    /// <summary>What the engine runs this chunk with.</summary>
    public Engine.Simulation.SimulationSettings Settings() => new(CostBps, InitialCapital)
    {
        Costs = Costs,
        SlippageBps = SlippageBps,
        Sizing = Backtesting.Execution.SizingText.Parse(Size),
        WholeShares = WholeShares,
    };
}
