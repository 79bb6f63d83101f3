using System.Collections.Concurrent;
using System.Globalization;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Notifications;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Notifications;
using ClaudBot.Targets;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Telegram;

/// <summary>
/// The jobs Telegram chats follow, kept in the queue server (<see cref="JobFollows"/>) so they outlive this process: a
/// chat's follow is recorded before it is followed here, and a keeper (<see cref="KeepAsync"/>, at once and every
/// <see cref="NotificationOptions.PollInterval"/>) follows every recorded one this process does not (a restarted bot, or
/// a schedule's <c>Notify</c>): a fresh progress message, then the summary. The keeper also sends subscribed chats what
/// <see cref="ClusterWatch"/> finds.
/// </summary>
/// <remarks>
/// One end message per follow, whatever the number of bots: the end is claimed (<see cref="NoticeClaims.JobEnd"/>, which
/// also keeps a subscription's line from repeating it), then the follow is removed, and only the process whose removal
/// took the follow sends. Remove-then-send: a crash between the two loses that one summary rather than sending it twice.
/// </remarks>
internal sealed class TelegramFollows(
    TelegramSender sender, ConversationEngine engine, IClusterTarget target, ClusterWatch watch, TelegramOptions options, NotificationOptions notifications, TimeProvider time, ILogger logger)
{
    public const string Channel = "telegram";

    /// <summary>How long a follow that lost the cluster waits before the keeper tries it again.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    // Followed here now (RetryAt null), or lost the cluster and waits (RetryAt set): the keeper leaves both alone.
    private readonly ConcurrentDictionary<(string Job, long Chat), DateTimeOffset?> _following = new();

    /// <summary>Follows a job a chat just submitted: recorded in the queue server first, so a restart resumes it.</summary>
    public void Follow(ChatQueues queues, long chatId, string jobId)
    {
        _following[(jobId, chatId)] = null;
        var follower = new JobFollower(Channel, Chat(chatId));
        queues.Detach(chatId, async ct =>
        {
            bool recorded = true;
            try
            {
                await (await target.ClientAsync(ct).ConfigureAwait(false)).Follows.AddAsync(jobId, follower, ct).ConfigureAwait(false);
            }
            catch (Exception unrecorded) when (!ct.IsCancellationRequested && unrecorded is not OutOfMemoryException)
            {
                // Followed in memory only: this process sends the end itself; a restart would forget it, as before.
                recorded = false;
                TelegramLog.FollowNotRecorded(logger, chatId, jobId, unrecorded.Message);
            }

            await FollowAsync(chatId, jobId, follower, recorded, ct).ConfigureAwait(false);
        });
    }

    /// <summary>Resumes recorded follows and sends subscribed chats their notices, until stopped.</summary>
    public async Task KeepAsync(ChatQueues queues, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(notifications.PollInterval, time);
        try
        {
            do
            {
                await ResumeAsync(queues, stoppingToken).ConfigureAwait(false);
                await NotifyAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The bot is stopping; the recorded follows wait for the next one.
        }
    }

    private async Task ResumeAsync(ChatQueues queues, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string JobId, JobFollower Follower)> follows;
        try
        {
            follows = await (await target.ClientAsync(cancellationToken).ConfigureAwait(false)).Follows.ListAsync(Channel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception away) when (!cancellationToken.IsCancellationRequested && away is not OutOfMemoryException)
        {
            return; // the cluster is away: ClusterWatch alerts subscribed chats; the follows wait in the queue server
        }

        var now = time.GetUtcNow();
        foreach (var (jobId, follower) in follows)
        {
            if (!long.TryParse(follower.Chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long chatId))
            {
                continue;
            }

            var key = (jobId, chatId);
            bool mine = _following.TryGetValue(key, out var retryAt)
                ? retryAt is { } at && at <= now && _following.TryUpdate(key, null, retryAt)
                : _following.TryAdd(key, null);
            if (mine)
            {
                queues.Detach(chatId, ct => FollowAsync(chatId, jobId, follower, recorded: true, ct));
            }
        }
    }

    private async Task NotifyAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ChatNotice> notices;
        try
        {
            notices = await watch.PollAsync(Channel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failed) when (!cancellationToken.IsCancellationRequested && failed is not OutOfMemoryException)
        {
            TelegramLog.WatchFailed(logger, failed.Message);
            return;
        }

        foreach (var notice in notices)
        {
            if (long.TryParse(notice.Chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long chatId))
            {
                var tone = notice.Alert is null ? ReplyTone.Info : ReplyTone.Warning;
                await sender.SendAsync(chatId, Reply.Text(notice.Text, tone), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task FollowAsync(long chatId, string jobId, JobFollower follower, bool recorded, CancellationToken cancellationToken)
    {
        bool done = false;
        try
        {
            FollowOutcome outcome;
            try
            {
                outcome = await FollowWithProgressAsync(chatId, jobId, follower.Top, cancellationToken).ConfigureAwait(false);
            }
            catch (KeyNotFoundException gone)
            {
                // Removed (cleanup) while followed: nothing will ever end; the follow goes, with a word to the chat.
                done = true;
                if (!recorded || await RemoveAsync(jobId, follower, cancellationToken).ConfigureAwait(false))
                {
                    await sender.SendAsync(chatId, Reply.Text($"Stopped following job {jobId}: {gone.Message}", ReplyTone.Warning), cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            if (!outcome.Ended)
            {
                await sender.SendAsync(chatId, outcome.Reply, cancellationToken).ConfigureAwait(false);
                return;
            }

            done = true;
            if (!recorded || await ClaimEndAsync(chatId, jobId, follower, cancellationToken).ConfigureAwait(false))
            {
                await sender.SendAsync(chatId, outcome.Reply, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            var key = (jobId, chatId);
            if (done || !recorded || cancellationToken.IsCancellationRequested)
            {
                _following.TryRemove(key, out _);
            }
            else
            {
                _following[key] = time.GetUtcNow() + RetryAfter;
            }
        }
    }

    // The end is this process's to send only if it removes the follow; the claim first, so a subscription's line never
    // slips in between the removal and the summary.
    private async Task<bool> ClaimEndAsync(long chatId, string jobId, JobFollower follower, CancellationToken cancellationToken)
    {
        var client = await target.ClientAsync(cancellationToken).ConfigureAwait(false);
        await client.Claims.TryClaimAsync(Channel, follower.Chat, NoticeClaims.JobEnd(jobId), cancellationToken).ConfigureAwait(false);
        bool mine = await client.Follows.RemoveAsync(jobId, follower, cancellationToken).ConfigureAwait(false);
        if (!mine)
        {
            TelegramLog.EndSentElsewhere(logger, chatId, jobId);
        }

        return mine;
    }

    private async Task<bool> RemoveAsync(string jobId, JobFollower follower, CancellationToken cancellationToken) =>
        await (await target.ClientAsync(cancellationToken).ConfigureAwait(false)).Follows.RemoveAsync(jobId, follower, cancellationToken).ConfigureAwait(false);

    private async Task<FollowOutcome> FollowWithProgressAsync(long chatId, string jobId, int? top, CancellationToken cancellationToken)
    {
        string initial = TelegramHtml.Escape($"Job {jobId} queued\n░░░░░░░░░░ 0%");
        var sent = await sender.SendTextAsync(chatId, initial, null, cancellationToken).ConfigureAwait(false);
        if (sent is null)
        {
            return await engine.FollowToEndAsync(jobId, null, top, cancellationToken).ConfigureAwait(false);
        }

        var progress = new ProgressMessage(sender, chatId, sent.Id, initial);
        FollowOutcome outcome;
        using (var editing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var edits = progress.RunAsync(options.ProgressInterval, time, editing.Token);
            try
            {
                outcome = await engine.FollowToEndAsync(jobId, progress, top, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await editing.CancelAsync().ConfigureAwait(false);
                await edits.ConfigureAwait(false);
            }
        }

        await progress.FlushAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private static string Chat(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);
}
