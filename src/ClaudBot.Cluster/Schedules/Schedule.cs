namespace ClaudBot.Cluster.Schedules;

/// <summary>
/// A stored schedule: when it fires, what it submits, who made it, and what its last run did. Its id follows the
/// job id rule (<see cref="ClaudBot.Jobs.JobId"/>), so the same parsing guards every id that reaches a Redis key.
/// </summary>
public sealed record Schedule(
    string Id,
    string Every,
    string At,
    string TimeZone,
    ScheduledRequest Request,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    /// <summary>The chats told of each fired job's end (e.g. the chat that said "send me the top 5"); none by default.</summary>
    public IReadOnlyList<Notifications.JobFollower> Notify { get; init; } = [];

    /// <summary>The occurrence the last run was for (claimed by one driver), or null before the first.</summary>
    public DateTimeOffset? LastOccurrence { get; init; }

    /// <summary>The job the last run submitted; null when it failed to plan.</summary>
    public string? LastJobId { get; init; }

    /// <summary>Why the last run submitted nothing, in one line; it is not retried: the next occurrence tries again.</summary>
    public string? LastError { get; init; }

    public ScheduleRecurrence Recurrence() => ScheduleRecurrence.Parse(Every, At, TimeZone);

    /// <summary>When it fires next after <paramref name="now"/>.</summary>
    public DateTimeOffset NextOccurrence(DateTimeOffset now) => Recurrence().NextOccurrence(now);
}
