using System.Globalization;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Node.Commands;

/// <summary>One-line descriptions of jobs for the node's terminal output.</summary>
internal static class JobText
{
    public static string Progress(JobStatus job) => string.Create(
        CultureInfo.InvariantCulture,
        $"{job.Id} {job.State.ToName(),-21} {job.Progress * 100,5:0.0}%  {job.TasksDone + job.TasksFailed:N0}/{job.TasksTotal:N0} tasks{(job.TasksFailed > 0 ? $", {job.TasksFailed} failed" : string.Empty)}");

    public static string Finished(JobStatus job) => job.ResultsFile is { } file
        ? $"{Progress(job)}  results: {file}"
        : Progress(job);

    public static string Row(JobStatus job) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Progress(job)}  {job.Spec.SubmittedAt:yyyy-MM-dd HH:mm:ss} by {job.Spec.SubmittedBy}: {job.Spec.Strategies} on {string.Join(",", job.Spec.Symbols)} {job.Spec.From:yyyy-MM-dd}..{job.Spec.To:yyyy-MM-dd}");
}
