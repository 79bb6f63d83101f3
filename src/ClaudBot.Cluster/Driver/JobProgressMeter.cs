using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Metrics;

namespace ClaudBot.Cluster.Driver;

/// <summary>
/// Turns the job counts the driver reads (each sweep, and at the finish) into increments of
/// <see cref="ClusterMetrics"/>: what each job gained since it was last seen. Counting the difference of the stored
/// counts, not the progress events, loses nothing when an event is missed; the finish uses the final counts (taken
/// from the chunks' results), and a count that went backwards (torn by a crash) adds nothing.
/// </summary>
internal sealed class JobProgressMeter(ClusterMetrics metrics)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Chunks, int Done, int Failed)> _seen = new(StringComparer.Ordinal);

    /// <param name="resumed">
    /// Found on this driver's first sweep: its progress so far was counted by the driver before this one (if any), so
    /// only what follows is counted here.
    /// </param>
    public void Observe(JobStatus job, bool resumed)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            AddLocked(job, resumed);
        }
    }

    /// <summary>Counts the job's last progress and its finish, then forgets it.</summary>
    public void Finished(JobStatus job, JobState state)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            AddLocked(job, resumed: false);
            _seen.Remove(job.Id);
        }

        metrics.JobFinished(state);
    }

    /// <summary>Forgets jobs no longer active (cancelled, or finished by a path that did not say so).</summary>
    public void Retain(IReadOnlySet<string> active)
    {
        lock (_gate)
        {
            foreach (string gone in _seen.Keys.Where(id => !active.Contains(id)).ToList())
            {
                _seen.Remove(gone);
            }
        }
    }

    private void AddLocked(JobStatus job, bool resumed)
    {
        var now = (job.ChunksDone, job.TasksDone, job.TasksFailed);
        if (!_seen.TryGetValue(job.Id, out var last))
        {
            last = resumed ? now : (0, 0, 0);
        }

        metrics.Progressed(Math.Max(0, now.ChunksDone - last.Chunks), Math.Max(0, now.TasksDone - last.Done), Math.Max(0, now.TasksFailed - last.Failed));
        _seen[job.Id] = (Math.Max(now.ChunksDone, last.Chunks), Math.Max(now.TasksDone, last.Done), Math.Max(now.TasksFailed, last.Failed));
    }
}
