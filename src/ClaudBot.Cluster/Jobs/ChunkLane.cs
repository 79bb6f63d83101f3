namespace ClaudBot.Cluster.Jobs;

/// <summary>What the chunks of one lane share: the symbol, the dates its backtests run, and the planner's fingerprint of the bars they read.</summary>
internal sealed record ChunkLane(string Symbol, DateOnly From, DateOnly To, string? DataFingerprint);
