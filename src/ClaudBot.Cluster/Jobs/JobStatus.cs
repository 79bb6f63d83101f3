namespace ClaudBot.Cluster.Jobs;

/// <summary>A job as the cluster sees it now.</summary>
public sealed record JobStatus(
    string Id,
    JobState State,
    JobSpec Spec,
    int TasksTotal,
    int TasksDone,
    int TasksFailed,
    int ChunksTotal,
    int ChunksDone,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<string> Notes,
    string? ResultsFile)
{
    /// <summary>Share of tasks finished (done or failed), 0..1.</summary>
    public double Progress => TasksTotal == 0 ? 1 : (TasksDone + TasksFailed) / (double)TasksTotal;
}
