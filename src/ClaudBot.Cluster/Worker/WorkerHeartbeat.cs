namespace ClaudBot.Cluster.Worker;

/// <summary>
/// What a worker says about itself every few seconds; expires if it stops saying it. <see cref="Live"/> counts the
/// slot loops still running (fewer than <see cref="Slots"/> is a worker that lost slots) and
/// <see cref="LastActivityAt"/> is when a slot last got an answer from the queue. <see cref="Refused"/> is why its box
/// takes no work (another engine or other data than the server's), <see cref="Drain"/> where it stands when its box is
/// drained; <see cref="CpuPercent"/> and <see cref="RssBytes"/> are the process's, <see cref="BoxCpuPercent"/> and
/// <see cref="BoxMemoryPercent"/> the whole box's. Every field after <see cref="HeartbeatAt"/> is null from workers older than it.
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
    DateTimeOffset? LastActivityAt = null,
    string? Refused = null,
    DrainState? Drain = null,
    double? CpuPercent = null,
    long? RssBytes = null,
    double? BoxCpuPercent = null,
    double? BoxMemoryPercent = null);
