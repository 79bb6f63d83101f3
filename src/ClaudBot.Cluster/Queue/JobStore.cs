using System.Globalization;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Jobs;
using ClaudBot.Redis;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Queue;

/// <summary>
/// Jobs in Redis: queue a planned job in one transaction (all of it or nothing), read their state,
/// list and cancel them.
/// </summary>
public sealed class JobStore(RedisConnection redis, TimeProvider time)
{
    /// <summary>Queues every chunk of the plan atomically and returns the job's short id.</summary>
    public async Task<string> SubmitAsync(JobPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var db = redis.Database;
        for (int attempt = 0; attempt < 5; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string id = JobId.New().ToString();
            var transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.KeyNotExists(ClusterKeys.Job(id)));
            _ = transaction.HashSetAsync(ClusterKeys.Job(id),
            [
                new("id", id),
                new("state", JobState.Queued.ToName()),
                new("spec", JsonSerializer.Serialize(plan.Spec, ClusterJson.Default.JobSpec)),
                new("notes", JsonSerializer.Serialize(plan.Notes, ClusterJson.Default.IReadOnlyListString)),
                new("submitted_at", Format(plan.Spec.SubmittedAt)),
                new("chunks_total", plan.Chunks.Count),
                new("chunks_done", 0),
                new("tasks_total", plan.TaskCount),
                new("tasks_done", 0),
                new("tasks_failed", 0),
            ]);
            var chunkIds = new RedisValue[plan.Chunks.Count];
            for (int i = 0; i < plan.Chunks.Count; i++)
            {
                string chunkId = ClusterKeys.ChunkId(id, i);
                chunkIds[i] = chunkId;
                // A chunk naming its block travels without the texts: the block is stored once below.
                var chunk = plan.Chunks[i] with { JobId = id };
                _ = transaction.StringSetAsync(ClusterKeys.Chunk(chunkId), JsonSerializer.Serialize(chunk.ParameterBlock is null ? chunk : chunk with { Strategies = [] }, ClusterJson.Default.ChunkPayload));
            }

            for (int b = 0; b < plan.ParameterBlocks.Count; b++)
            {
                _ = transaction.StringSetAsync(ClusterKeys.ParameterBlock(id, b), JsonSerializer.Serialize(plan.ParameterBlocks[b], ClusterJson.Default.IReadOnlyListString));
            }

            _ = transaction.SortedSetAddAsync(ClusterKeys.Jobs, id, plan.Spec.SubmittedAt.ToUnixTimeMilliseconds());
            _ = transaction.SetAddAsync(ClusterKeys.ActiveJobs, id);
            _ = transaction.ListRightPushAsync(ClusterKeys.Queue, chunkIds);
            if (await transaction.ExecuteAsync())
            {
                await PublishAsync(new ClusterEvent("job_queued", id, 0, 0, plan.TaskCount, JobState.Queued.ToName()));
                return id;
            }
        }

        throw new InvalidOperationException("Could not find a free job id after 5 attempts.");
    }

    /// <summary>The job's current state, or null if there is no such job.</summary>
    public async Task<JobStatus?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fields = (await redis.Database.HashGetAllAsync(ClusterKeys.Job(jobId))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        return fields.Count == 0 ? null : JobStatusReader.Read(fields);
    }

    /// <summary>Jobs newest first.</summary>
    public async Task<IReadOnlyList<JobStatus>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var ids = await redis.Database.SortedSetRangeByRankAsync(ClusterKeys.Jobs, skip, skip + take - 1, Order.Descending);
        var jobs = new List<JobStatus>(ids.Length);
        foreach (var id in ids)
        {
            if (await GetAsync(id.ToString(), cancellationToken) is { } job)
            {
                jobs.Add(job);
            }
        }

        return jobs;
    }

    /// <summary>Cancels a job: queued chunks are dropped, running ones stop at their next chunk boundary.</summary>
    /// <returns>The job's state afterwards, or null if there is no such job.</returns>
    public async Task<JobState?> CancelAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await GetAsync(jobId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var result = (string?)await redis.Database.ScriptEvaluateAsync(
            QueueScripts.Cancel,
            [ClusterKeys.Job(jobId), ClusterKeys.Queue, ClusterKeys.ActiveJobs],
            [jobId, job.ChunksTotal, Format(time.GetUtcNow())]);
        var state = JobStateNames.Parse(result!);
        if (state == JobState.Cancelled && !job.State.IsTerminal())
        {
            await PublishAsync(new ClusterEvent("job_cancelled", jobId, job.TasksDone, job.TasksFailed, job.TasksTotal, state.ToName()));
        }

        return state;
    }

    /// <summary>Live workers (those whose heartbeat has not expired), unfinished jobs and queued work.</summary>
    public async Task<ClusterSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var db = redis.Database;
        var workers = new List<Worker.WorkerHeartbeat>();
        var unreadable = new List<string>();
        foreach (var id in await db.SetMembersAsync(ClusterKeys.Workers))
        {
            var beat = await db.StringGetAsync(ClusterKeys.Heartbeat(id.ToString()));
            if (beat.IsNullOrEmpty)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(beat.ToString(), ClusterJson.Default.WorkerHeartbeat) is { } heartbeat)
                {
                    workers.Add(heartbeat);
                }
            }
            catch (JsonException)
            {
                unreadable.Add(id.ToString());
            }
        }

        int running = 0, queued = 0, pending = 0;
        foreach (var id in await db.SetMembersAsync(ClusterKeys.ActiveJobs))
        {
            if (await GetAsync(id.ToString(), cancellationToken) is { } job)
            {
                running += job.State == JobState.Running ? 1 : 0;
                queued += job.State == JobState.Queued ? 1 : 0;
                pending += job.TasksTotal - job.TasksDone - job.TasksFailed;
            }
        }

        var drains = (await db.SetMembersAsync(ClusterKeys.Drains)).Select(v => v.ToString()).Order(StringComparer.Ordinal).ToList();
        return new ClusterSnapshot(workers, running, queued, (int)await db.ListLengthAsync(ClusterKeys.Queue), pending, unreadable, drains);
    }

    /// <summary>How many stored jobs are in each state (one pipelined read of every job's state field).</summary>
    public async Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        var db = redis.Database;
        var ids = await db.SortedSetRangeByRankAsync(ClusterKeys.Jobs);
        cancellationToken.ThrowIfCancellationRequested();
        var states = await Task.WhenAll(ids.Select(id => db.HashGetAsync(ClusterKeys.Job(id.ToString()), "state")));
        var counts = new Dictionary<JobState, int>();
        foreach (var state in states.Where(s => !s.IsNullOrEmpty))
        {
            var parsed = JobStateNames.Parse(state.ToString());
            counts[parsed] = counts.GetValueOrDefault(parsed) + 1;
        }

        return counts;
    }

    /// <summary>
    /// Deletes finished jobs beyond the newest <paramref name="keep"/>: their Redis keys and results files.
    /// Queued and running jobs are never touched.
    /// </summary>
    /// <returns>The ids of the jobs removed.</returns>
    public async Task<IReadOnlyList<string>> CleanupAsync(int keep, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        var db = redis.Database;
        var removed = new List<string>();
        foreach (var id in await db.SortedSetRangeByRankAsync(ClusterKeys.Jobs, keep, -1, Order.Descending))
        {
            string jobId = id.ToString();
            var job = await GetAsync(jobId, cancellationToken);
            if (job is not null && !job.State.IsTerminal())
            {
                continue;
            }

            var keys = new List<RedisKey> { ClusterKeys.Job(jobId) };
            keys.AddRange(ClusterKeys.JobData(jobId));
            keys.AddRange(ClusterKeys.ChunkData(jobId, job?.ChunksTotal ?? 0, job?.Spec.LaneCount() ?? 1));
            await db.KeyDeleteAsync([.. keys]);
            await db.SortedSetRemoveAsync(ClusterKeys.Jobs, jobId);
            foreach (string file in job?.ResultsFile is { } results ? [results, Results.StoredSummary.PathFor(results), Results.Store.RowsFile.PathFor(results), Results.Store.PartialRows.PathFor(results), WalkForward.WalkForwardReports.PathFor(results)] : Array.Empty<string>())
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }

            removed.Add(jobId);
        }

        return removed;
    }

    internal Task PublishAsync(ClusterEvent clusterEvent) =>
        redis.Subscriber.PublishAsync(ClusterKeys.Events, JsonSerializer.Serialize(clusterEvent, ClusterJson.Default.ClusterEvent));

    internal static string Format(DateTimeOffset moment) => moment.ToString("O", CultureInfo.InvariantCulture);
}
