using ClaudBot.Cluster.Worker;

namespace ClaudBot.Cluster.Queue;

/// <summary>The cluster as Redis knows it: live workers (by heartbeat), jobs not finished, work waiting.</summary>
public sealed record ClusterSnapshot(IReadOnlyList<WorkerHeartbeat> Workers, int JobsRunning, int JobsQueued, int ChunksQueued, int TasksPending);
