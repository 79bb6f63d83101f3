using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Cluster.Schedules;

/// <summary>
/// What the API and the node CLI do with schedules: add (checked as a job would be, planned once for today so a bad
/// strategy or symbol is refused now rather than at 18:00), list and cancel.
/// </summary>
public sealed class ScheduleBook(ScheduleStore store, JobPlanner planner, TimeProvider time)
{
    /// <summary>Checks and stores a schedule; returns it with its id.</summary>
    /// <exception cref="ScheduleFieldException">The recurrence or the period does not read (naming the field).</exception>
    /// <remarks>The planner's own errors (strategies, symbols, costs) pass through as they do for a job.</remarks>
    public Task<Schedule> AddAsync(string? every, string? at, string? timeZone, ScheduledRequest request, string createdBy, CancellationToken cancellationToken) =>
        AddAsync(every, at, timeZone, request, createdBy, [], cancellationToken);

    /// <summary>As the other overload, with the chats told of each fired job's end (checked by <see cref="ScheduleNotify"/>).</summary>
    public async Task<Schedule> AddAsync(string? every, string? at, string? timeZone, ScheduledRequest request, string createdBy, IReadOnlyList<Notifications.JobFollower>? notify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recurrence = ScheduleRecurrence.Parse(every, at, timeZone);
        var followers = ScheduleNotify.Check(notify);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, recurrence.Zone).DateTime);
        await planner.PlanAsync(request.ToJobRequest(today, createdBy), cancellationToken);
        var schedule = new Schedule(string.Empty, recurrence.Every, at!.Trim(), recurrence.TimeZoneId, request, createdBy, now) { Notify = followers };
        return await store.AddAsync(schedule, cancellationToken);
    }

    public Task<IReadOnlyList<Schedule>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public Task<Schedule?> GetAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    /// <returns>False when there was no such schedule.</returns>
    public Task<bool> CancelAsync(string id, CancellationToken cancellationToken) => store.CancelAsync(id, cancellationToken);

    /// <summary>When the schedule fires next, from now.</summary>
    public DateTimeOffset NextRun(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.NextOccurrence(time.GetUtcNow());
    }
}
