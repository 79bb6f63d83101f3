using ClaudBot.Bot.Results;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Notifications;
using ClaudBot.Redis;
using ClaudBot.Targets;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Notifications;

/// <summary>
/// What a channel's subscribed chats are told, found by polling the queue server (<see cref="PollAsync"/>, every
/// <see cref="NotificationOptions.PollInterval"/>): each job that ended since a chat subscribed (one line, once per chat
/// whichever bot sends it, skipped for a chat that follows the job and gets its summary), and alerts, rate-limited per
/// chat and kind: a worker gone from the heartbeats, a box refused (its engine or data differ from the server's), a job ended
/// with failures, the queue server lost and back.
/// Polling rather than the event channel alone: a bot that was down a while still finds the jobs that ended meanwhile.
/// </summary>
/// <remarks>
/// One caller at a time (a channel's keeper loop): it remembers the workers and the queue server's state between looks.
/// A watch that has never reached the queue server says nothing of it being away (the bot may simply start first).
/// </remarks>
public sealed class ClusterWatch(IClusterTarget target, JobSummaryBuilder summaries, IOptions<NotificationOptions> options, TimeProvider time)
{
    private readonly NotificationOptions _options = options.Value;
    private readonly AlertLimiter _limiter = new(options.Value.AlertWindow, time);
    private readonly HashSet<(string Channel, string Chat, string What)> _told = [];
    private Dictionary<string, WorkerHeartbeatView>? _workers;
    private HashSet<string>? _refusals;
    private bool? _reachable;
    private DateTimeOffset _lostAt;
    private IReadOnlyList<ChatSubscription> _subscribers = [];

    /// <summary>One look at the cluster for <paramref name="channel"/>'s chats; never throws for an unreachable cluster.</summary>
    public async Task<IReadOnlyList<ChatNotice>> PollAsync(string channel, CancellationToken cancellationToken)
    {
        var notices = new List<ChatNotice>();
        ClusterClient client;
        Dictionary<string, WorkerHeartbeatView> workers;
        HashSet<string> refusals;
        try
        {
            client = await target.ClientAsync(cancellationToken).ConfigureAwait(false);
            var snapshot = await client.SnapshotAsync(cancellationToken).ConfigureAwait(false);
            workers = snapshot.Workers.ToDictionary(w => w.Id, w => new WorkerHeartbeatView(w.Id, w.Host));

            // A box's reason names the box ("box w2: data file TCS.csv differs from the server's"): one per box, whatever its workers.
            refusals = [.. snapshot.Workers.Select(w => w.Refused).OfType<string>()];
            _subscribers = await client.Subscriptions.ListAsync(channel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception lost) when (IsUnreachable(lost, cancellationToken))
        {
            if (_reachable == true)
            {
                _reachable = false;
                _lostAt = time.GetUtcNow();
                Alert(notices, AlertKind.QueueServerLost, $"The cluster's queue server cannot be reached: {(QueueErrorText.IsQueueError(lost) ? QueueErrorText.Describe(lost) : lost.Message)}");
            }

            return notices;
        }

        if (_reachable == false)
        {
            Alert(notices, AlertKind.QueueServerBack, $"The cluster's queue server answers again (it was away {Replies.JobText.Duration(time.GetUtcNow() - _lostAt)}).");
        }

        _reachable = true;
        foreach (var gone in _workers?.Values.Where(w => !workers.ContainsKey(w.Id)) ?? [])
        {
            Alert(notices, AlertKind.WorkerLost, $"Worker {gone.Id} on {gone.Host} stopped sending heartbeats: its box or process is gone. Its work is handed to the others.");
        }

        _workers = workers;
        foreach (string refusal in refusals.Where(r => _refusals is not null && !_refusals.Contains(r)))
        {
            Alert(notices, AlertKind.BoxRefused, $"{char.ToUpperInvariant(refusal[0])}{refusal[1..]}: it takes no work until it matches the server again (see 'monitor cluster').");
        }

        _refusals = refusals;
        if (_subscribers.Count > 0)
        {
            await JobEndsAsync(channel, client, notices, cancellationToken).ConfigureAwait(false);
        }

        return notices;
    }

    private async Task JobEndsAsync(string channel, ClusterClient client, List<ChatNotice> notices, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - _options.Lookback;
        var ended = (await client.ListAsync(0, _options.RecentJobs, cancellationToken).ConfigureAwait(false))
            .Where(j => j.State.IsTerminal() && j.FinishedAt is { } at && at >= since)
            .ToList();
        if (ended.Count == 0)
        {
            return;
        }

        var following = (await client.Follows.ListAsync(channel, cancellationToken).ConfigureAwait(false))
            .Select(f => (f.JobId, f.Follower.Chat)).ToHashSet();
        foreach (var job in ended)
        {
            string? line = null;
            foreach (var chat in _subscribers.Where(s => s.Since <= job.FinishedAt!.Value).Select(s => s.Chat))
            {
                // A chat following the job gets its summary (which takes the same claim); the line would repeat it.
                if (!following.Contains((job.Id, chat)) && await ClaimAsync(client, channel, chat, NoticeClaims.JobEnd(job.Id), cancellationToken).ConfigureAwait(false))
                {
                    line ??= JobEndLine.Of(job, await BestAsync(job, cancellationToken).ConfigureAwait(false));
                    notices.Add(new ChatNotice(chat, line));
                }

                if (job.State == JobState.CompletedWithErrors && await ClaimAsync(client, channel, chat, "failed:" + job.Id, cancellationToken).ConfigureAwait(false)
                    && _limiter.Admit(chat, AlertKind.JobFailed, $"Job {job.Id} ended with {job.TasksFailed:N0} of {job.TasksTotal:N0} backtests failed; type 'results of job {job.Id}' for the errors.") is { } text)
                {
                    notices.Add(new ChatNotice(chat, text, AlertKind.JobFailed));
                }
            }
        }

        // Claims of jobs that left the window are never asked about again.
        var recent = ended.Select(j => j.Id).ToHashSet();
        _told.RemoveWhere(t => !recent.Contains(t.What[(t.What.IndexOf(':', StringComparison.Ordinal) + 1)..]));
    }

    // Asked of the queue server once per chat and notice; remembered here after, so each poll costs no more than a list.
    private async Task<bool> ClaimAsync(ClusterClient client, string channel, string chat, string what, CancellationToken cancellationToken)
    {
        if (!_told.Add((channel, chat, what)))
        {
            return false;
        }

        return await client.Claims.TryClaimAsync(channel, chat, what, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Cluster.Results.ResultRow?> BestAsync(JobStatus job, CancellationToken cancellationToken)
    {
        if (job.ResultsFile is null && job.State == JobState.Cancelled)
        {
            return null;
        }

        try
        {
            return (await summaries.SummaryAsync(job, 1, cancellationToken).ConfigureAwait(false)).Top is [var best, ..] ? best : null;
        }
        catch (Exception unreadable) when (!cancellationToken.IsCancellationRequested && unreadable is not OutOfMemoryException)
        {
            return null; // the line says how the job ended even when its best result cannot be read now
        }
    }

    private void Alert(List<ChatNotice> notices, AlertKind kind, string text)
    {
        foreach (var subscriber in _subscribers)
        {
            if (_limiter.Admit(subscriber.Chat, kind, text) is { } admitted)
            {
                notices.Add(new ChatNotice(subscriber.Chat, admitted, kind));
            }
        }
    }

    private static bool IsUnreachable(Exception error, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && (error is ClusterTargetException or RedisUnavailableException or TimeoutException || QueueErrorText.IsQueueError(error));

    private sealed record WorkerHeartbeatView(string Id, string Host);
}
