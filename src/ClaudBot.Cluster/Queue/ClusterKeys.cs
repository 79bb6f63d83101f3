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

    /// <summary>Schedules by id, each as JSON (a hash).</summary>
    public static readonly RedisKey Schedules = Prefix + "schedules";

    /// <summary>What the cluster runs, as the driver published it (a hash: engine, data, files, by, at); see <see cref="Boxes.ManifestStore"/>.</summary>
    public static readonly RedisKey Manifest = Prefix + "manifest";

    /// <summary>Box names whose workers take no new chunks (a set); see <see cref="Boxes.BoxDrains"/>.</summary>
    public static readonly RedisKey Drains = Prefix + "drains";

    public static readonly RedisChannel Events = RedisChannel.Literal(Prefix + "events");

    /// <summary>The claim on one occurrence of a schedule (a string set NX): whoever sets it runs that occurrence.</summary>
    public static RedisKey ScheduleClaim(string scheduleId, long occurrenceUnixMs) => $"{Prefix}schedule:{scheduleId}:fired:{occurrenceUnixMs}";

    /// <summary>Who follows which job on one channel (a hash, "job|chat" to the follower as JSON).</summary>
    public static RedisKey Follows(string channel) => $"{Prefix}follows:{channel}";

    /// <summary>Chats on one channel that hear of every job's end and of alerts (a hash, chat to the subscription's time in unix ms).</summary>
    public static RedisKey Subscriptions(string channel) => $"{Prefix}subscriptions:{channel}";

    /// <summary>The claim on telling one chat of one event about a job (a string set NX, expiring): whoever sets it sends.</summary>
    public static RedisKey Told(string channel, string chat, string what) => $"{Prefix}told:{channel}:{chat}:{what}";

    public static RedisKey Job(string jobId) => Prefix + "job:" + jobId;

    public static RedisKey Chunk(string chunkId) => Prefix + "chunk:" + chunkId;

    public static RedisKey Results(string jobId) => Prefix + "results:" + jobId;

    /// <summary>Chunks whose results are stored and not yet filed in the job's rows file, in the order they were stored (a list).</summary>
    public static RedisKey ToFile(string jobId) => Prefix + "tofile:" + jobId;

    /// <summary>Chunks filed in the job's rows file: field N is chunk N's first task and row count, <c>first:count</c>.</summary>
    public static RedisKey Filed(string jobId) => Prefix + "filed:" + jobId;

    /// <summary>A job's error texts by number, as its rows file's failed rows name them (a hash text to number).</summary>
    public static RedisKey Errors(string jobId) => Prefix + "errors:" + jobId;

    /// <summary>
    /// Block N of a job's parameter sets, stored once for all its symbols: a JSON array of texts in task order. One string
    /// each, not one hash: the embedded server reads a hash whole, from its disk tier once the hash is evicted, and with
    /// the 10 MB hash of a 10,000,000-backtest job read once per chunk its object log failed a flush ("Partial-sector flush
    /// read-back") and the server stopped answering; with strings the same job ran through.
    /// </summary>
    public static RedisKey ParameterBlock(string jobId, int block) => $"{Prefix}params:{jobId}:{block}";

    /// <summary>Every key of a job besides its record, its chunks' payloads and its parameter blocks.</summary>
    public static RedisKey[] JobData(string jobId) => [Results(jobId), Deliveries(jobId), ToFile(jobId), Filed(jobId), Errors(jobId)];

    /// <summary>A job's chunk payloads and parameter blocks (every symbol runs every block, so blocks = chunks / symbols).</summary>
    public static IEnumerable<RedisKey> ChunkData(string jobId, int chunks, int symbols)
    {
        for (int i = 0; i < chunks; i++)
        {
            yield return Chunk(ChunkId(jobId, i));
        }

        for (int b = 0; b < chunks / Math.Max(1, symbols); b++)
        {
            yield return ParameterBlock(jobId, b);
        }
    }

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
