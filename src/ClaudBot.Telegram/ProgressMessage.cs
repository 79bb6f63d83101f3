using System.Globalization;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Telegram;

/// <summary>
/// One Telegram message showing a job's progress, edited in place by <see cref="RunAsync"/>: at most once
/// per interval (Telegram limits edits per chat), never with unchanged text (Telegram refuses that), and
/// once more at the end by <see cref="FlushAsync"/>.
/// </summary>
internal sealed class ProgressMessage(TelegramSender sender, long chatId, int messageId, string initial) : IProgress<JobStatus>
{
    private volatile string _latest = initial;
    private string _shown = initial;

    public static string Text(JobStatus job)
    {
        ArgumentNullException.ThrowIfNull(job);
        int filled = Math.Clamp((int)Math.Round(job.Progress * 10), 0, 10);
        string bar = new string('█', filled) + new string('░', 10 - filled);
        return string.Create(CultureInfo.InvariantCulture, $"Job {job.Id} {job.State.ToName()}\n{bar} {job.Progress * 100:0}%  {job.TasksDone + job.TasksFailed:N0}/{job.TasksTotal:N0} backtests{(job.TasksFailed > 0 ? $", {job.TasksFailed} failed" : string.Empty)}");
    }

    public void Report(JobStatus value) => _latest = TelegramHtml.Escape(Text(value));

    /// <summary>Edits the message every <paramref name="interval"/> when the progress changed, until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Following ended; the caller flushes the final state.
        }
    }

    /// <summary>Shows the latest state if it differs from what is shown.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        string latest = _latest;
        if (latest == _shown)
        {
            return;
        }

        _shown = latest;
        await sender.EditTextAsync(chatId, messageId, latest, cancellationToken).ConfigureAwait(false);
    }
}
