namespace ClaudBot.Cluster;

/// <summary>
/// What the cluster publishes on <c>claudbot:events</c>: <c>job_queued</c>, <c>progress</c>,
/// <c>task_failed</c>, <c>job_done</c>, <c>job_cancelled</c>.
/// </summary>
public sealed record ClusterEvent(string Type, string JobId, int TasksDone, int TasksFailed, int TasksTotal, string? State = null, string? Message = null);
