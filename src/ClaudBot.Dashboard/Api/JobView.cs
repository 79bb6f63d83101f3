using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Dashboard.Api;

/// <summary>A job as the API shows it.</summary>
/// <param name="Progress">Share of tasks finished (done or failed), 0..1.</param>
/// <param name="ResultsUrl">Where the ranked table is, once the job is finished.</param>
/// <param name="WalkForwardUrl">Where a finished walk-forward's report is.</param>
/// <param name="PortfolioUrl">Where a finished portfolio job's best setting's report is (<c>?strategy=&amp;positions=</c> for another).</param>
public sealed record JobView(
    string Id,
    JobState State,
    double Progress,
    int TasksTotal,
    int TasksDone,
    int TasksFailed,
    int ChunksTotal,
    int ChunksDone,
    JobSpec Spec,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<string> Notes,
    string? ResultsUrl,
    string? WalkForwardUrl = null,
    string? PortfolioUrl = null)
{
    public static JobView From(JobStatus job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(job.Id, job.State, Math.Round(job.Progress, 4), job.TasksTotal, job.TasksDone, job.TasksFailed, job.ChunksTotal, job.ChunksDone,
            job.Spec, job.StartedAt, job.FinishedAt, job.Notes, job.State.IsTerminal() && job.ResultsFile is not null ? $"/api/jobs/{job.Id}/results" : null,
            job.State.IsTerminal() && job.ResultsFile is not null && job.Spec.WalkForward is not null ? $"/api/jobs/{job.Id}/walkforward" : null,
            job.State.IsTerminal() && job.ResultsFile is not null && job.Spec.Portfolio is not null ? $"/api/jobs/{job.Id}/portfolio" : null);
    }
}
