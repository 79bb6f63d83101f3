using System.Globalization;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using Spectre.Console;

namespace ClaudBot.Chat;

/// <summary>
/// Follows a job in the terminal with a live progress bar until it finishes; Ctrl+C (cancelling the
/// token) stops the watching, never the job.
/// </summary>
internal static class JobProgressView
{
    public static async Task<Reply> FollowAsync(IAnsiConsole console, ConversationEngine engine, string jobId, CancellationToken cancellationToken)
    {
        Reply? summary = null;
        try
        {
            await console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask($"Job {jobId}", maxValue: 1);
                    var progress = new SynchronousProgress<JobStatus>(job =>
                    {
                        bar.Value = job.Progress;
                        bar.Description = string.Create(CultureInfo.InvariantCulture, $"Job {jobId} {job.State.ToName()} {job.TasksDone + job.TasksFailed:N0}/{job.TasksTotal:N0}");
                    });
                    summary = await engine.FollowAsync(jobId, progress, cancellationToken).ConfigureAwait(false);
                    bar.Value = bar.MaxValue;
                    bar.StopTask();
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Reply.Text($"Stopped watching job {jobId}; it keeps running. Type 'job {jobId} status' or 'results of job {jobId}' later.", ReplyTone.Warning);
        }

        return summary!;
    }
}
