using ClaudBot.Dashboard.Api;

namespace ClaudBot.Dashboard.Live;

/// <summary>
/// One message on <c>/ws</c>. <see cref="Type"/>: <c>snapshot</c> (with <see cref="Cluster"/> and
/// <see cref="Jobs"/>), <c>job_queued</c>, <c>progress</c>, <c>task_failed</c>, <c>job_done</c>,
/// <c>job_cancelled</c>, <c>worker_joined</c> (with <see cref="Worker"/>) or <c>worker_lost</c> (with <see cref="WorkerId"/>).
/// </summary>
public sealed record LiveMessage(string Type)
{
    public string? JobId { get; init; }

    public string? State { get; init; }

    public int? TasksDone { get; init; }

    public int? TasksFailed { get; init; }

    public int? TasksTotal { get; init; }

    /// <summary>Share of tasks finished (done or failed), 0..1.</summary>
    public double? Progress { get; init; }

    /// <summary>Why a task failed (<c>task_failed</c>).</summary>
    public string? Message { get; init; }

    public WorkerView? Worker { get; init; }

    public string? WorkerId { get; init; }

    public ClusterView? Cluster { get; init; }

    public IReadOnlyList<JobView>? Jobs { get; init; }
}
