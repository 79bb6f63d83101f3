using ClaudBot.Cluster;
using ClaudBot.Cluster.Platform;
using ClaudBot.Cluster.Worker;

namespace ClaudBot.Dashboard.Api;

/// <summary>Builds the cluster and job views the API and the live snapshot share.</summary>
internal sealed class ClusterViews(ClusterClient cluster, SystemLoad load, TimeProvider time)
{
    /// <summary>How many of the newest finished jobs a live snapshot includes besides the unfinished ones.</summary>
    public const int RecentJobs = 20;

    public async Task<ClusterView> ClusterAsync(CancellationToken cancellationToken)
    {
        var snapshot = await cluster.SnapshotAsync(cancellationToken);
        var workers = snapshot.Workers.Select(Worker).ToList();
        return new ClusterView(workers, workers.Sum(w => w.Slots), workers.Sum(w => w.Busy), new QueueView(snapshot.ChunksQueued, snapshot.TasksPending),
            new JobCounts(snapshot.JobsRunning, snapshot.JobsQueued), load.CpuPercent(), load.MemoryPercent(), snapshot.Boxes(time.GetUtcNow()));
    }

    public WorkerView Worker(WorkerHeartbeat beat) => WorkerView.From(beat, time.GetUtcNow());

    /// <summary>Every unfinished job and the newest finished ones, newest first.</summary>
    public async Task<IReadOnlyList<JobView>> CurrentJobsAsync(CancellationToken cancellationToken)
    {
        var jobs = new List<JobView>();
        int finished = 0;
        for (int offset = 0; ; offset += 200)
        {
            var batch = await cluster.ListAsync(offset, 200, cancellationToken);
            foreach (var job in batch)
            {
                bool done = job.State is Cluster.Jobs.JobState.Completed or Cluster.Jobs.JobState.CompletedWithErrors or Cluster.Jobs.JobState.Cancelled;
                if (!done || finished++ < RecentJobs)
                {
                    jobs.Add(JobView.From(job));
                }
            }

            if (batch.Count < 200)
            {
                return jobs;
            }
        }
    }
}
