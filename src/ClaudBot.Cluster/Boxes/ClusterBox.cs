using ClaudBot.Cluster.Worker;

namespace ClaudBot.Cluster.Boxes;

/// <summary>
/// One box as its workers' heartbeats describe it: how many workers, slots and busy slots, the oldest heartbeat's age, the
/// box's CPU and memory use (percent, from its freshest heartbeat), the workers' own CPU (percent of the box, summed) and
/// resident memory (summed; each null from workers too old to say), and whether it takes work (<see cref="State"/>, with <see cref="Reason"/> when refused).
/// </summary>
public sealed record ClusterBox(
    string Host,
    int Workers,
    int Slots,
    int Busy,
    double HeartbeatAgeSeconds,
    double? CpuPercent,
    double? MemoryPercent,
    double? WorkersCpuPercent,
    long? WorkersRssBytes,
    BoxState State,
    string? Reason)
{
    /// <summary>Every box of <paramref name="workers"/>, by host name, with the boxes flagged to drain that have no live worker.</summary>
    public static IReadOnlyList<ClusterBox> From(IEnumerable<WorkerHeartbeat> workers, IEnumerable<string> drainFlags, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(drainFlags);
        var flagged = new HashSet<string>(drainFlags, BoxNames.Comparer);
        var boxes = workers.GroupBy(w => w.Host, BoxNames.Comparer).Select(box => Of(box.Key, [.. box], flagged.Contains(box.Key), now)).ToList();
        boxes.AddRange(flagged.Where(host => !boxes.Any(b => BoxNames.Comparer.Equals(b.Host, host)))
            .Select(host => new ClusterBox(host, 0, 0, 0, 0, null, null, null, null, BoxState.Drained, null)));
        return [.. boxes.OrderBy(b => b.Host, BoxNames.Comparer)];
    }

    private static ClusterBox Of(string host, IReadOnlyList<WorkerHeartbeat> beats, bool flagged, DateTimeOffset now)
    {
        var freshest = beats.MaxBy(b => b.HeartbeatAt)!;
        string? refused = beats.Select(b => b.Refused).FirstOrDefault(r => r is not null);
        bool draining = flagged || beats.Any(b => b.Drain is not null);
        var state = refused is not null ? BoxState.Refused
            : !draining ? BoxState.Working
            : beats.All(b => b.Drain == DrainState.Drained) ? BoxState.Drained
            : BoxState.Draining;
        return new ClusterBox(
            host,
            beats.Count,
            beats.Sum(b => b.Slots),
            beats.Sum(b => b.Busy),
            Math.Round(Math.Max(0, beats.Max(b => (now - b.HeartbeatAt).TotalSeconds)), 1),
            freshest.BoxCpuPercent,
            freshest.BoxMemoryPercent,
            beats.Any(b => b.CpuPercent is not null) ? Math.Round(beats.Sum(b => b.CpuPercent ?? 0), 1) : null,
            beats.Any(b => b.RssBytes is not null) ? beats.Sum(b => b.RssBytes ?? 0) : null,
            state,
            refused);
    }
}
