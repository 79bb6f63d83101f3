namespace ClaudBot.Cluster.Worker;

/// <summary>What a worker says about itself every few seconds; expires if it stops saying it.</summary>
public sealed record WorkerHeartbeat(string Id, string Host, int Pid, int Slots, int Busy, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt);
