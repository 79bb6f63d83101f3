using System.Globalization;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Bot.Replies;

/// <summary>Short descriptions of jobs and requests for replies.</summary>
public static class JobText
{
    public static string Progress(JobStatus job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{job.Id}  {job.State.ToName()}  {job.Progress * 100:0}%  {job.TasksDone + job.TasksFailed:N0}/{job.TasksTotal:N0} backtests{(job.TasksFailed > 0 ? $", {job.TasksFailed} failed" : string.Empty)}");
    }

    public static string Request(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return string.Create(CultureInfo.InvariantCulture, $"{spec.Strategies} on {string.Join(",", spec.Symbols)}, {spec.From:yyyy-MM-dd} to {spec.To:yyyy-MM-dd}, cost {spec.CostBps:0.##} bps");
    }

    public static string Duration(TimeSpan span) => span.TotalSeconds < 60
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s");

    public static string DurationSeconds(double seconds) => Duration(TimeSpan.FromSeconds(seconds));
}
