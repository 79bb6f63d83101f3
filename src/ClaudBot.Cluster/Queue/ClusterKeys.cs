using StackExchange.Redis;

namespace ClaudBot.Cluster.Queue;

/// <summary>
/// Every Redis key the cluster uses, under <c>claudbot:</c>. Per-job keys are found from the job id
/// and per-worker keys from the worker set, so nothing ever scans the key space.
/// </summary>
internal static class ClusterKeys
{
    private const string Prefix = "claudbot:";

    /// <summary>Chunk ids waiting for a worker (a list; workers BLMOVE from its head).</summary>
    public static readonly RedisKey Queue = Prefix + "queue";

    /// <summary>Job ids, scored by submission time (a sorted set).</summary>
    public static readonly RedisKey Jobs = Prefix + "jobs";

    /// <summary>Ids of jobs not yet finished, for the driver's sweep.</summary>
    public static readonly RedisKey ActiveJobs = Prefix + "jobs:active";

    /// <summary>Worker ids that have ever taken work; their processing lists are what the reaper checks.</summary>
    public static readonly RedisKey Workers = Prefix + "workers";

    public static readonly RedisChannel Events = RedisChannel.Literal(Prefix + "events");

    public static RedisKey Job(string jobId) => Prefix + "job:" + jobId;

    public static RedisKey Chunk(string chunkId) => Prefix + "chunk:" + chunkId;

    public static RedisKey Results(string jobId) => Prefix + "results:" + jobId;

    /// <summary>How many times each chunk of a job was handed out again after its worker went silent.</summary>
    public static RedisKey Deliveries(string jobId) => Prefix + "deliveries:" + jobId;

    public static RedisKey Lease(string chunkId) => Prefix + "lease:" + chunkId;

    public static RedisKey Processing(string workerId) => Prefix + "processing:" + workerId;

    public static RedisKey Heartbeat(string workerId) => Prefix + "worker:" + workerId;

    /// <summary>Chunk ids are <c>jobId:index</c>, so the job and the result field come from the id alone.</summary>
    public static string ChunkId(string jobId, int index) => $"{jobId}:{index}";

    public static (string JobId, int Index) ParseChunkId(string chunkId)
    {
        int colon = chunkId.LastIndexOf(':');
        return (chunkId[..colon], int.Parse(chunkId.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture));
    }
}
