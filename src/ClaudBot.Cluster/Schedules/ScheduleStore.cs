using System.Text.Json;
using ClaudBot.Cluster.Queue;
using ClaudBot.Jobs;
using ClaudBot.Redis;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Schedules;

/// <summary>
/// Schedules in the queue server: one hash, id to JSON, so they outlive any driver; and the per-occurrence claim that
/// lets exactly one of several racing drivers run each firing.
/// </summary>
public sealed class ScheduleStore(RedisConnection redis)
{
    /// <summary>How long a claim is kept: long after any driver could still be deciding the same occurrence.</summary>
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(8);

    /// <summary>Stores a new schedule under a fresh id (the job id rule) and returns it with that id.</summary>
    public async Task<Schedule> AddAsync(Schedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        for (int attempt = 0; attempt < 5; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = schedule with { Id = JobId.New().ToString() };
            if (await redis.Database.HashSetAsync(ClusterKeys.Schedules, stored.Id, Serialize(stored), When.NotExists))
            {
                return stored;
            }
        }

        throw new InvalidOperationException("Could not find a free schedule id after 5 attempts.");
    }

    /// <summary>Every schedule, oldest first.</summary>
    public async Task<IReadOnlyList<Schedule>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entries = await redis.Database.HashGetAllAsync(ClusterKeys.Schedules);
        return [.. entries.Select(e => Deserialize(e.Value)).OfType<Schedule>().OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    public async Task<Schedule?> GetAsync(string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var value = await redis.Database.HashGetAsync(ClusterKeys.Schedules, id);
        return value.IsNullOrEmpty ? null : Deserialize(value);
    }

    /// <returns>False when there was no such schedule.</returns>
    public async Task<bool> CancelAsync(string id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await redis.Database.HashDeleteAsync(ClusterKeys.Schedules, id);
    }

    /// <summary>
    /// Claims one occurrence of a schedule for this driver (SET NX): true for exactly one caller however many race,
    /// also across restarts, since the claim lives in the queue server.
    /// </summary>
    public async Task<bool> ClaimAsync(string id, DateTimeOffset occurrence, string driver, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await redis.Database.StringSetAsync(ClusterKeys.ScheduleClaim(id, occurrence.ToUnixTimeMilliseconds()), driver, ClaimLifetime, When.NotExists);
    }

    /// <summary>Records a run on the schedule, unless it was cancelled meanwhile (a cancelled schedule is not brought back).</summary>
    public async Task<bool> RecordAsync(Schedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        cancellationToken.ThrowIfCancellationRequested();
        var transaction = redis.Database.CreateTransaction();
        transaction.AddCondition(Condition.HashExists(ClusterKeys.Schedules, schedule.Id));
        _ = transaction.HashSetAsync(ClusterKeys.Schedules, schedule.Id, Serialize(schedule));
        return await transaction.ExecuteAsync();
    }

    private static string Serialize(Schedule schedule) => JsonSerializer.Serialize(schedule, ClusterJson.Default.Schedule);

    // An unreadable entry (hand-edited, or from a later version) is skipped, not fatal to the list or the runner.
    private static Schedule? Deserialize(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize(value.ToString(), ClusterJson.Default.Schedule);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
