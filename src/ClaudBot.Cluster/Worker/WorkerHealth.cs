using System.Globalization;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// What is wrong with a worker, read from its heartbeat: slots whose loops ended, a heartbeat that stopped coming
/// (the key outlives the last beat by two visibility timeouts, so a dead worker still shows for a while), or idle
/// slots that got no answer from the queue for long (each idle slot asks the queue every second, so silence is news), and a
/// box refused for its engine or data, or drained.
/// </summary>
public static class WorkerHealth
{
    /// <summary>How long without a beat or a queue answer before the status says so; beats come every 10 s by default.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(30);

    /// <summary>Null for a healthy worker, else one short note for the status line.</summary>
    public static string? Problem(WorkerHeartbeat beat, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(beat);
        if (beat.Live is { } live && live < beat.Slots)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{beat.Slots - live} of {beat.Slots} slots DEAD");
        }

        if (now - beat.HeartbeatAt > Silence)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no heartbeat for {(now - beat.HeartbeatAt).TotalSeconds:0}s");
        }

        // A refused or drained worker asks the queue for nothing, so its slots' silence is no news.
        if (beat.Refused is { } refused)
        {
            return "REFUSED: " + refused;
        }

        if (beat.Drain is { } drain)
        {
            return drain == DrainState.Drained ? "drained" : "draining";
        }

        if (beat.LastActivityAt is { } last && beat.Busy < beat.Slots && now - last > Silence)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no answer from the queue for {(now - last).TotalSeconds:0}s");
        }

        return null;
    }
}
