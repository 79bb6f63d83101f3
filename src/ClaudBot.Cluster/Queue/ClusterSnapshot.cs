using ClaudBot.Cluster.Worker;

namespace ClaudBot.Cluster.Queue;

/// <summary>
/// The cluster as Redis knows it: live workers (by heartbeat), jobs not finished, work waiting. A registered worker whose
/// heartbeat does not parse (garbled, or written by another program sharing the queue) is named in
/// <paramref name="UnreadableWorkers"/> instead of failing the whole snapshot (null from a node older than that list).
/// <paramref name="DrainFlags"/> are the box names flagged to drain (<see cref="Boxes.BoxDrains"/>; null from an older node).
/// </summary>
public sealed record ClusterSnapshot(
    IReadOnlyList<WorkerHeartbeat> Workers,
    int JobsRunning,
    int JobsQueued,
    int ChunksQueued,
    int TasksPending,
    IReadOnlyList<string>? UnreadableWorkers = null,
    IReadOnlyList<string>? DrainFlags = null)
{
    /// <summary>The workers grouped by box (<see cref="Boxes.ClusterBox.From"/>), heartbeat ages counted to <paramref name="now"/>.</summary>
    public IReadOnlyList<Boxes.ClusterBox> Boxes(DateTimeOffset now) => Cluster.Boxes.ClusterBox.From(Workers, DrainFlags ?? [], now);
}
