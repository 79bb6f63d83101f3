using System.Globalization;
using ClaudBot.Cluster.Jobs;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Cluster.Schedules;

/// <summary>
/// Fires due schedules, one tick at a time. Each due occurrence is claimed in the queue server first, so with several
/// drivers (or one restarted) it runs once. Occurrences missed while no driver ran fire once, for the latest, with a
/// note on the job saying how many were missed: never a burst.
/// </summary>
public sealed partial class ScheduleRunner(ScheduleStore store, ClusterClient client, Notifications.JobFollows follows, TimeProvider time, ILogger<ScheduleRunner> logger)
{
    /// <summary>Who claims: a random name per runner, kept on the claim for whoever looks at the queue server.</summary>
    private readonly string _name = "driver-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Runs every schedule due now; returns the ids of the jobs submitted.</summary>
    public async Task<IReadOnlyList<string>> TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var submitted = new List<string>();
        foreach (var schedule in await store.ListAsync(cancellationToken))
        {
            if (await FireAsync(schedule, now, cancellationToken) is { } jobId)
            {
                submitted.Add(jobId);
            }
        }

        return submitted;
    }

    private async Task<string?> FireAsync(Schedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ScheduleRecurrence recurrence;
        try
        {
            recurrence = schedule.Recurrence();
        }
        catch (FormatException unreadable)
        {
            // Checked when added; a zone this machine lacks (another driver's OS) is logged, not fatal to the others.
            LogUnreadable(schedule.Id, unreadable.Message);
            return null;
        }

        var (missed, latest) = recurrence.Due(schedule.LastOccurrence ?? schedule.CreatedAt, now);
        if (latest is not { } occurrence || !await store.ClaimAsync(schedule.Id, occurrence, _name, cancellationToken))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurrence, recurrence.Zone).DateTime);
        IReadOnlyList<string> notes = missed > 1 ? [MissedNote(missed, occurrence, recurrence)] : [];
        Schedule recorded;
        string? jobId = null;
        try
        {
            (jobId, _) = await client.SubmitAsync(schedule.Request.ToJobRequest(today, $"schedule {schedule.Id} ({schedule.CreatedBy})"), notes, cancellationToken);
            recorded = schedule with { LastOccurrence = occurrence, LastJobId = jobId, LastError = null };
            foreach (var follower in schedule.Notify)
            {
                await follows.AddAsync(jobId, follower, cancellationToken);
            }

            LogFired(schedule.Id, jobId, missed);
        }
        catch (Exception refused) when (refused is JobTooLargeException or Platform.DiskFullException || Backtesting.InputErrors.IsInputError(refused))
        {
            // Recorded against this occurrence, whose claim is spent: the next occurrence tries again, never a loop.
            string reason = Backtesting.InputErrors.Describe(refused).ReplaceLineEndings(" ");
            recorded = schedule with { LastOccurrence = occurrence, LastJobId = null, LastError = reason };
            LogRefused(schedule.Id, reason);
        }

        await store.RecordAsync(recorded, cancellationToken);
        return jobId;
    }

    private static string MissedNote(int missed, DateTimeOffset latest, ScheduleRecurrence recurrence) => string.Create(
        CultureInfo.InvariantCulture,
        $"{missed} runs were missed while no driver was running; this one run, for {TimeZoneInfo.ConvertTime(latest, recurrence.Zone):yyyy-MM-dd HH:mm} {recurrence.Zone.Id}, stands for them all.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleId} submitted job {JobId} ({Due} due)")]
    private partial void LogFired(string scheduleId, string jobId, int due);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleId} submitted nothing: {Reason}")]
    private partial void LogRefused(string scheduleId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleId} is unreadable: {Reason}")]
    private partial void LogUnreadable(string scheduleId, string reason);
}
