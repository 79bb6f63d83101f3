using ClaudBot.Cluster.Metrics;
using ClaudBot.Cluster.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Driver;

/// <summary>
/// Takes back chunks from workers that stopped renewing their leases (killed, hung, cut off) and
/// queues them again. A chunk must be seen without a lease on two passes at least half a visibility
/// timeout apart, so the instant between a worker's take and its lease never counts. A chunk handed out
/// <see cref="ClusterOptions.MaxDeliveries"/> times gets its tasks recorded as failed instead of looping.
/// </summary>
internal sealed partial class Reaper(WorkQueue queue, ClusterMetrics metrics, IOptions<ClusterOptions> options, TimeProvider time, ILogger<Reaper> logger)
{
    private readonly Dictionary<string, DateTimeOffset> _unleasedSince = new(StringComparer.Ordinal);

    /// <returns>Chunks whose deliveries are exhausted (to be failed by the caller).</returns>
    public async Task<IReadOnlyList<(string WorkerId, string ChunkId)>> SweepAsync()
    {
        var now = time.GetUtcNow();
        var exhausted = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (workerId, chunkId, leased) in await queue.InFlightAsync())
        {
            if (leased)
            {
                continue;
            }

            seen.Add(chunkId);
            if (!_unleasedSince.TryGetValue(chunkId, out var since))
            {
                _unleasedSince[chunkId] = now;
                continue;
            }

            if (now - since < options.Value.VisibilityTimeout / 2)
            {
                continue;
            }

            string outcome = await queue.RequeueAsync(workerId, chunkId, options.Value.MaxDeliveries);
            LogReaped(chunkId, workerId, outcome);
            metrics.LeaseLapsed(outcome);
            if (outcome == "exhausted")
            {
                exhausted.Add((workerId, chunkId));
            }

            _unleasedSince.Remove(chunkId);
        }

        foreach (string stale in _unleasedSince.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _unleasedSince.Remove(stale);
        }

        return exhausted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chunk {ChunkId} of worker {WorkerId} lost its lease: {Outcome}")]
    private partial void LogReaped(string chunkId, string workerId, string outcome);
}
