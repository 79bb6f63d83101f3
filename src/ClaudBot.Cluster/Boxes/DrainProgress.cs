using System.Globalization;
using ClaudBot.Cluster.Worker;

namespace ClaudBot.Cluster.Boxes;

/// <summary>
/// Whether a drained box is done: every worker of it either reports <see cref="DrainState.Drained"/> (it saw the flag and
/// holds nothing, so it can take nothing more) or is gone (no heartbeat, or none for <see cref="WorkerHealth.Silence"/>:
/// the reaper hands back what a dead worker held). Else which workers it still waits for, for the timeout's message.
/// </summary>
public static class DrainProgress
{
    /// <summary>Null when <paramref name="box"/> is drained; else the workers still going, as "w2-1 (2 busy), w2-2 (not yet seen the flag)".</summary>
    public static string? Pending(IEnumerable<WorkerHeartbeat> workers, string box, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workers);
        var pending = workers
            .Where(w => BoxNames.Comparer.Equals(w.Host, box) && now - w.HeartbeatAt <= WorkerHealth.Silence && w.Drain != DrainState.Drained)
            .OrderBy(w => w.Id, StringComparer.Ordinal)
            .Select(w => w.Drain is null
                ? $"{w.Id} (not yet seen the flag)"
                : string.Create(CultureInfo.InvariantCulture, $"{w.Id} ({w.Busy} busy)"))
            .ToList();
        return pending.Count == 0 ? null : string.Join(", ", pending);
    }
}
