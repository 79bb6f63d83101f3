namespace ClaudBot.Cluster.Worker;

/// <summary>
/// Who this worker process is: a stable id (<see cref="WorkerNameLease"/>) for its processing list, heartbeat and
/// log file; host and pid for monitoring.
/// </summary>
public sealed record WorkerIdentity(string Id, string Host, int ProcessId);
