using ClaudBot.Cluster.Worker;

namespace ClaudBot.Dashboard.Api;

/// <summary>
/// A live worker: its slots, how many of them still run (<see cref="LiveSlots"/>) and how many are busy, seconds
/// since its last heartbeat and since a slot last heard from the queue, and <see cref="Problem"/>: the note the CLI's
/// status shows (<c>1 of 4 slots DEAD</c>, <c>no heartbeat for 40s</c>, ...), or null for a healthy worker.
/// <see cref="LiveSlots"/> and <see cref="QueueAnswerAgeSeconds"/> are null from workers older than them.
/// </summary>
public sealed record WorkerView(
    string Id,
    string Host,
    int Pid,
    int Slots,
    int Busy,
    double HeartbeatAgeSeconds,
    DateTimeOffset StartedAt,
    int? LiveSlots,
    int DeadSlots,
    double? QueueAnswerAgeSeconds,
    string? Problem)
{
    public static WorkerView From(WorkerHeartbeat beat, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(beat);
        return new(
            beat.Id, beat.Host, beat.Pid, beat.Slots, beat.Busy, Age(now, beat.HeartbeatAt), beat.StartedAt,
            beat.Live, beat.Live is { } live ? Math.Max(0, beat.Slots - live) : 0,
            beat.LastActivityAt is { } last ? Age(now, last) : null,
            WorkerHealth.Problem(beat, now));
    }

    private static double Age(DateTimeOffset now, DateTimeOffset then) => Math.Round(Math.Max(0, (now - then).TotalSeconds), 1);
}
