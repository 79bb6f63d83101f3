using System.Text.Json;
using System.Threading.Channels;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Notifications;
using ClaudBot.Cluster.Platform;
using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster;

/// <summary>What the bot, the node CLI and the API do with the cluster: submit, follow, list, cancel.</summary>
public sealed class ClusterClient(JobPlanner planner, JobStore store, RedisConnection redis, IOptions<ClusterOptions> cluster, IOptions<RedisOptions> redisOptions)
{
    /// <summary>Which chats follow which job (kept in this queue server, so a restarted bot resumes them).</summary>
    public JobFollows Follows { get; } = new(redis);

    /// <summary>Chats that hear of every job's end and of alerts.</summary>
    public ChatSubscriptions Subscriptions { get; } = new(redis);

    /// <summary>Who has been told of what, so no notice is sent twice.</summary>
    public NoticeClaims Claims { get; } = new(redis);

    /// <summary>
    /// Validates and queues a job (all of it or nothing); returns its id and the plan's notes. Refused with a
    /// <see cref="DiskFullException"/> while the node's disk is below its floor: a queue that cannot write acknowledges nothing.
    /// </summary>
    public Task<(string Id, JobPlan Plan)> SubmitAsync(JobRequest request, CancellationToken cancellationToken) =>
        SubmitAsync(request, [], cancellationToken);

    /// <summary>As <see cref="SubmitAsync(JobRequest, CancellationToken)"/>, with notes of the caller's put before the plan's (a schedule's missed runs).</summary>
    public async Task<(string Id, JobPlan Plan)> SubmitAsync(JobRequest request, IReadOnlyList<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var disk = Disk();
        if (disk.Low)
        {
            throw new DiskFullException(disk);
        }

        JobPlan plan;
        try
        {
            plan = await planner.PlanAsync(request, cancellationToken);
            if (notes.Count > 0)
            {
                plan = plan with { Notes = [.. notes, .. plan.Notes] };
            }
        }
        catch (IOException full) when (DiskFullException.IsDiskFull(full) && full is not DiskFullException)
        {
            // Planning writes the market data cache; a disk that filled since the check above says so in one line.
            throw new DiskFullException(new DiskFullException(Disk()).Message, full);
        }

        try
        {
            return (await store.SubmitAsync(plan, cancellationToken), plan);
        }
        catch (RedisUnavailableException unavailable)
        {
            // The job goes in one transaction, and the server was never reached: nothing is half-queued.
            throw new RedisUnavailableException(unavailable.Message + " Nothing was queued.", unavailable) { Endpoint = unavailable.Endpoint };
        }
        catch (Exception lost) when (QueueErrorText.IsQueueError(lost))
        {
            // A timeout (no RedisException) is the same doubt as a dropped connection: the transaction may have
            // run on the server. Say so, in one line, so nobody submits the job twice blindly.
            throw new RedisUnavailableException(
                $"{QueueErrorText.Describe(lost)} The submit was cut off: the job was queued whole or not at all, so check `jobs` before submitting again.", lost);
        }
    }

    /// <summary>The free space of the disk holding this node's folders, against its floor (measured on this machine).</summary>
    public DiskStatus Disk() => DiskSpace.Check(cluster.Value, redisOptions.Value);

    public Task<JobStatus?> GetAsync(string jobId, CancellationToken cancellationToken) => store.GetAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<JobStatus>> ListAsync(int skip, int take, CancellationToken cancellationToken) => store.ListAsync(skip, take, cancellationToken);

    public Task<JobState?> CancelAsync(string jobId, CancellationToken cancellationToken) => store.CancelAsync(jobId, cancellationToken);

    /// <summary>Workers, jobs and queued work right now.</summary>
    public Task<ClusterSnapshot> SnapshotAsync(CancellationToken cancellationToken) => store.SnapshotAsync(cancellationToken);

    /// <summary>Removes finished jobs beyond the newest <paramref name="keep"/>, with their results files.</summary>
    public Task<IReadOnlyList<string>> CleanupAsync(int keep, CancellationToken cancellationToken) => store.CleanupAsync(keep, cancellationToken);

    /// <summary>
    /// Waits for a job to reach a terminal state (returned, not reported), reporting each change of
    /// progress or state before that. Follows the event
    /// channel for speed and re-reads the job every second, so a missed event only delays.
    /// </summary>
    public async Task<JobStatus> WaitAsync(string jobId, IProgress<JobStatus>? progress, CancellationToken cancellationToken)
    {
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var subscription = await redis.Subscriber.SubscribeAsync(ClusterKeys.Events);
        subscription.OnMessage(message =>
        {
            var clusterEvent = JsonSerializer.Deserialize(message.Message.ToString(), ClusterJson.Default.ClusterEvent);
            if (clusterEvent?.JobId == jobId)
            {
                wake.Writer.TryWrite(true);
            }
        });
        try
        {
            (double Progress, JobState State)? reported = null;
            while (true)
            {
                var job = await store.GetAsync(jobId, cancellationToken) ?? throw new KeyNotFoundException($"There is no job '{jobId}'.");
                if (job.State.IsTerminal())
                {
                    return job;
                }

                if (reported != (job.Progress, job.State))
                {
                    reported = (job.Progress, job.State);
                    progress?.Report(job);
                }

                using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                tick.CancelAfter(TimeSpan.FromSeconds(1));
                try
                {
                    await wake.Reader.ReadAsync(tick.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // A second without news: look again anyway.
                }
            }
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }
}
