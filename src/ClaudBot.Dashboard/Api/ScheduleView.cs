using ClaudBot.Cluster.Schedules;

namespace ClaudBot.Dashboard.Api;

/// <summary>A schedule as the API shows it: what it runs, when, when next, and what its last run did.</summary>
public sealed record ScheduleView(
    string Id,
    string Every,
    string At,
    string TimeZone,
    string Strategies,
    IReadOnlyList<string> Symbols,
    string Period,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextRun,
    DateTimeOffset? LastRun,
    string? LastJobId,
    string? LastError)
{
    /// <summary>The chats told of each fired job's end; empty when none.</summary>
    public IReadOnlyList<Cluster.Notifications.JobFollower> Notify { get; init; } = [];

    public static ScheduleView From(Schedule schedule, DateTimeOffset nextRun)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new(schedule.Id, schedule.Every, schedule.At, schedule.TimeZone, schedule.Request.Strategies, schedule.Request.Symbols, schedule.Request.Period,
            schedule.CreatedBy, schedule.CreatedAt, nextRun, schedule.LastOccurrence, schedule.LastJobId, schedule.LastError) { Notify = schedule.Notify };
    }
}
