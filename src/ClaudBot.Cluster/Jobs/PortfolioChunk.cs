namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// What a portfolio job's chunk adds to <see cref="ChunkPayload"/>: each of its parameter sets runs as one portfolio of
/// <see cref="Symbols"/> with at most <see cref="MaxPositions"/> open. <see cref="Fingerprints"/> are the planner's
/// fingerprints of the bars each symbol's backtests read, in symbol order: a worker whose bars differ refuses the chunk,
/// naming the symbol.
/// </summary>
public sealed record PortfolioChunk(IReadOnlyList<string> Symbols, IReadOnlyList<string> Fingerprints, int MaxPositions, string Rank, string Size)
{
    /// <summary>Symbols that run a strategy of their own (canonical texts): the chunk's tasks run theirs on the rest.</summary>
    public IReadOnlyDictionary<string, string>? PerSymbol { get; init; }
}
