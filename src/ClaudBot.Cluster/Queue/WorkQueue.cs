using System.Globalization;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Redis;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Queue;

/// <summary>
/// The reliable queue (the reliable-fetch pattern of Sidekiq Pro and BullMQ's stalled check, on lists
/// because the embedded server has no streams): a worker moves a chunk id atomically from the queue into
/// its own processing list and leases it; the lease is renewed while it works; a chunk whose lease
/// lapses is put back by the reaper; results are stored first-writer-wins, so a chunk run twice still
/// has exactly one result.
/// </summary>
internal sealed class WorkQueue(RedisConnection redis, TimeProvider time)
{
    private readonly ParameterBlocks _blocks = new(redis);

    public Task RegisterWorkerAsync(string workerId) => redis.Database.SetAddAsync(ClusterKeys.Workers, workerId);

    /// <summary>Waits up to <paramref name="wait"/> for a chunk and leases it; null if none came.</summary>
    public async Task<ClaimedChunk?> TakeAsync(string workerId, TimeSpan lease, TimeSpan wait, CancellationToken cancellationToken)
    {
        var moved = await redis.BlockingMoveAsync(ClusterKeys.Queue, ClusterKeys.Processing(workerId), wait, cancellationToken);
        if (moved.IsNull)
        {
            return null;
        }

        string chunkId = moved.ToString();
        var (jobId, _) = ClusterKeys.ParseChunkId(chunkId);
        var reply = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(
            QueueScripts.Claim,
            [ClusterKeys.Lease(chunkId), ClusterKeys.Job(jobId), ClusterKeys.Chunk(chunkId)],
            [workerId, (long)lease.TotalMilliseconds, JobStore.Format(time.GetUtcNow())]))!;
        string state = reply[0].ToString();
        var jobState = state.Length == 0 ? JobState.Cancelled : JobStateNames.Parse(state);
        var payload = Deserialize(reply[1].ToString());

        // A finished job's blocks are gone; its chunk is dropped unread, so its texts are not needed.
        return new ClaimedChunk(chunkId, jobState, payload is null || jobState.IsTerminal() ? payload : await _blocks.FillAsync(payload));
    }

    /// <summary>Extends the lease, or takes a lapsed one again while the chunk is still this worker's; see <see cref="QueueScripts.Renew"/>.</summary>
    public async Task<LeaseRenewal> RenewAsync(string workerId, string chunkId, TimeSpan lease)
    {
        var (jobId, index) = ClusterKeys.ParseChunkId(chunkId);
        long reply = (long)await redis.Database.ScriptEvaluateAsync(
            QueueScripts.Renew,
            [ClusterKeys.Lease(chunkId), ClusterKeys.Processing(workerId), ClusterKeys.Results(jobId)],
            [workerId, (long)lease.TotalMilliseconds, chunkId, index]);
        return reply switch { 1 => LeaseRenewal.Held, 2 => LeaseRenewal.Retaken, _ => LeaseRenewal.Lost };
    }

    /// <summary>Stores the chunk's result unless one is there already, and releases the chunk.</summary>
    public async Task<ChunkCompletion> CompleteAsync(string workerId, string chunkId, RedisValue tasksJson, string summaryJson, int tasks, int failed)
    {
        var (jobId, index) = ClusterKeys.ParseChunkId(chunkId);
        var reply = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(
            QueueScripts.Complete,
            [ClusterKeys.Results(jobId), ClusterKeys.Job(jobId), ClusterKeys.Processing(workerId), ClusterKeys.Lease(chunkId), ClusterKeys.ToFile(jobId)],
            [index, tasksJson, summaryJson, chunkId, tasks, failed, workerId]))!;
        return new ChunkCompletion(Int(reply[0]) == 1, Int(reply[1]), Int(reply[2]), Int(reply[3]), Int(reply[4]), Int(reply[5]));
    }

    /// <summary>Drops a chunk without a result (its job was cancelled or deleted).</summary>
    public async Task DropAsync(string workerId, string chunkId)
    {
        await redis.Database.ListRemoveAsync(ClusterKeys.Processing(workerId), chunkId, 1);
        await redis.Database.ScriptEvaluateAsync(QueueScripts.Release, [ClusterKeys.Lease(chunkId)], [workerId]);
    }

    /// <summary>Puts a chunk this worker will not finish back at the head of the queue.</summary>
    public async Task HandBackAsync(string workerId, string chunkId)
    {
        var (jobId, index) = ClusterKeys.ParseChunkId(chunkId);
        await redis.Database.ScriptEvaluateAsync(
            QueueScripts.HandBack,
            [ClusterKeys.Processing(workerId), ClusterKeys.Lease(chunkId), ClusterKeys.Results(jobId), ClusterKeys.Queue],
            [chunkId, index, workerId]);
    }

    /// <summary>Chunk ids in each known worker's processing list, with whether each is leased now.</summary>
    public async Task<IReadOnlyList<(string WorkerId, string ChunkId, bool Leased)>> InFlightAsync()
    {
        var db = redis.Database;
        var found = new List<(string, string, bool)>();
        foreach (var worker in await db.SetMembersAsync(ClusterKeys.Workers))
        {
            foreach (var chunk in await db.ListRangeAsync(ClusterKeys.Processing(worker.ToString())))
            {
                found.Add((worker.ToString(), chunk.ToString(), await db.KeyExistsAsync(ClusterKeys.Lease(chunk.ToString()))));
            }
        }

        return found;
    }

    /// <summary>Requeues an unleased chunk of a dead or stalled worker; see <see cref="QueueScripts.Requeue"/>.</summary>
    public async Task<string> RequeueAsync(string workerId, string chunkId, int maxDeliveries)
    {
        var (jobId, index) = ClusterKeys.ParseChunkId(chunkId);
        return (string)(await redis.Database.ScriptEvaluateAsync(
            QueueScripts.Requeue,
            [ClusterKeys.Processing(workerId), ClusterKeys.Lease(chunkId), ClusterKeys.Results(jobId), ClusterKeys.Queue, ClusterKeys.Deliveries(jobId)],
            [chunkId, index, maxDeliveries]))!;
    }

    /// <summary>A chunk's payload with its parameter texts; null when the chunk or its job's parameter sets are gone.</summary>
    public async Task<ChunkPayload?> ReadPayloadAsync(string chunkId)
    {
        var text = await redis.Database.StringGetAsync(ClusterKeys.Chunk(chunkId));
        return Deserialize(text.ToString()) is { } payload ? await _blocks.FillAsync(payload) : null;
    }

    private static ChunkPayload? Deserialize(string? payload) =>
        string.IsNullOrEmpty(payload) ? null : JsonSerializer.Deserialize(payload, ClusterJson.Default.ChunkPayload);

    private static int Int(RedisResult value) => int.Parse(value.ToString(), CultureInfo.InvariantCulture);
}
