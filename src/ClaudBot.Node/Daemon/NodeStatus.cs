using ClaudBot.Cluster.Queue;

namespace ClaudBot.Node.Daemon;

/// <summary>What <c>status</c> reports: this box's node processes, the cluster as the queue sees it, and the box's load.</summary>
internal sealed record NodeStatus(
    string Host,
    IReadOnlyList<NodeProcessStatus> Processes,
    ClusterSnapshot? Cluster,
    string? QueueError,
    double CpuPercent,
    double MemoryPercent,
    DateTimeOffset At)
{
    public bool Up => Processes.Count > 0 && Processes.All(p => p.Running) && Cluster is not null;
}

internal sealed record NodeProcessStatus(string Name, int Pid, bool Running);
