using ClaudBot.Cluster.Queue;

namespace ClaudBot.Cluster.Status;

/// <summary>
/// What <c>claudbot-node status</c> and the bot's "monitor cluster" report: the node's processes, the
/// cluster as the queue sees it, and the box's load. Serialised as JSON for the SSH target.
/// </summary>
public sealed record NodeStatus(
    string Host,
    IReadOnlyList<NodeProcessStatus> Processes,
    ClusterSnapshot? Cluster,
    string? QueueError,
    double CpuPercent,
    double MemoryPercent,
    DateTimeOffset At)
{
    public bool Up => Processes.Count > 0 && Processes.All(p => p.Running) && Cluster is not null;

    /// <summary>The node's disk against its free-space floor, where it was measured (on the node's machine).</summary>
    public Platform.DiskStatus? Disk { get; init; }
}

/// <summary>One process of the node (driver, worker, embedded server), its PID and whether it is alive.</summary>
public sealed record NodeProcessStatus(string Name, int Pid, bool Running);
