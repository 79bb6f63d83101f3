namespace ClaudBot.Cluster.Worker;

/// <summary>
/// What a worker says about itself every few seconds; expires if it stops saying it. <see cref="Live"/> counts the
/// slot loops still running (fewer than <see cref="Slots"/> is a worker that lost slots) and
/// <see cref="LastActivityAt"/> is when a slot last got an answer from the queue; both are null from workers
/// older than them.
/// </summary>
public sealed record WorkerHeartbeat(
    string Id,
    string Host,
    int Pid,
    int Slots,
    int Busy,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    int? Live = null,
    DateTimeOffset? LastActivityAt = null);
