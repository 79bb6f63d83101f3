using System.Text.Json;
using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Driver;

/// <summary>
/// The driver: finishes jobs as their last chunk reports (from the event channel, and by a sweep that
/// catches anything missed), keeps the job journal (<see cref="JobJournal"/>), and runs the reaper. One driver per cluster.
/// </summary>
internal sealed partial class DriverService(
    RedisConnection redis,
    JobFinisher finisher,
    ResultsFiling filing,
    JobJournal journal,
    JobProgressMeter progress,
    JobStore jobs,
    Reaper reaper,
    WorkQueue queue,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<DriverService> logger) : BackgroundService
{
    private bool _swept;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Once subscribed, the connection subscribes again by itself after each reconnect; the sweep catches
        // whatever was published while it was away.
        var channel = await SubscribeAsync(stoppingToken);
        if (channel is null)
        {
            return;
        }

        channel.OnMessage(message => OnEventAsync(message.Message, stoppingToken));
        LogStarted();
        var period = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.VisibilityTimeout.TotalMilliseconds / 4, 100, 1000));
        try
        {
            int failures = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                failures = await SweepAsync(stoppingToken) ? 0 : failures + 1;
                await Task.Delay(failures == 0 ? period : Backoff.Queue.Delay(failures), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await UnsubscribeAsync(channel);
        }
    }

    /// <summary>Subscribes to the event channel, waiting with <see cref="Backoff.Queue"/> while the queue is away; null if stopped first.</summary>
    private async Task<ChannelMessageQueue?> SubscribeAsync(CancellationToken stoppingToken)
    {
        for (int failures = 1; ; failures++)
        {
            try
            {
                return await redis.Subscriber.SubscribeAsync(ClusterKeys.Events);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(error.Message);
                if (!await Backoff.Queue.WaitAsync(failures, time, stoppingToken))
                {
                    return null;
                }
            }
        }
    }

    private async Task UnsubscribeAsync(ChannelMessageQueue channel)
    {
        try
        {
            await channel.UnsubscribeAsync();
        }
        catch (Exception error)
        {
            // Stopping with the queue away: the subscription ends with the connection.
            LogSweepFailed(error.Message);
        }
    }

    private async Task OnEventAsync(RedisValue message, CancellationToken cancellationToken)
    {
        try
        {
            var clusterEvent = JsonSerializer.Deserialize(message.ToString(), ClusterJson.Default.ClusterEvent);
            switch (clusterEvent)
            {
                case { Type: "job_queued" } when await jobs.GetAsync(clusterEvent.JobId, cancellationToken) is { } job:
                    journal.Observe(job, resumed: false);
                    break;
                case { Type: "job_cancelled" }:
                    journal.Cancelled(clusterEvent);
                    filing.Forget(clusterEvent.JobId, deletePartial: true);
                    break;
                case { Type: "progress" } when clusterEvent.TasksDone + clusterEvent.TasksFailed >= clusterEvent.TasksTotal:
                    await finisher.TryFinishAsync(clusterEvent.JobId, cancellationToken);
                    break;
                case { Type: "progress" }:
                    // Filed as it lands (in batches), so the queue server does not hold a big job's results until its end.
                    await filing.FileAsync(clusterEvent.JobId, ResultsFiling.FileWhenWaiting, cancellationToken);
                    break;
            }
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure (the queue away, a bad event): the sweep that follows catches up.
            LogSweepFailed(error.Message);
        }
    }

    private async Task<bool> SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var active = await redis.Database.SetMembersAsync(ClusterKeys.ActiveJobs);
            var activeIds = active.Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal);
            filing.Retain(activeIds);
            progress.Retain(activeIds);
            foreach (var jobId in active)
            {
                // The sweep notices starts (a worker's claim publishes nothing) and jobs whose events it missed.
                if (await jobs.GetAsync(jobId.ToString(), cancellationToken) is { } job)
                {
                    journal.Observe(job, resumed: !_swept);
                    progress.Observe(job, resumed: !_swept);
                }

                await filing.FileAsync(jobId.ToString(), ResultsFiling.FileWhenWaiting, cancellationToken);

                await finisher.TryFinishAsync(jobId.ToString(), cancellationToken);
            }

            _swept = true;

            foreach (var (workerId, chunkId) in await reaper.SweepAsync())
            {
                await FailChunkAsync(workerId, chunkId);
            }

            return true;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever failed (the queue away, a timeout, a results file that could not be written), the driver lives
            // on and the next sweep tries again: it is the only thing that finishes jobs whose events were missed.
            LogSweepFailed(error.Message);
            return false;
        }
    }

    /// <summary>Records every task of a chunk that kept killing its workers as failed, so the job can finish.</summary>
    private async Task FailChunkAsync(string workerId, string chunkId)
    {
        var payload = await queue.ReadPayloadAsync(chunkId);
        if (payload is null)
        {
            return;
        }

        string error = $"gave up after {options.Value.MaxDeliveries} deliveries: the workers running it stopped responding";
        var failed = Worker.ChunkOutput.AllFailed(payload, error);
        await queue.CompleteAsync(workerId, chunkId, failed.Rows, failed.SummaryJson, failed.Tasks, failed.Failed);
        LogChunkFailed(chunkId, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver started")]
    private partial void LogStarted();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Driver sweep failed: {Reason}")]
    private partial void LogSweepFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chunk {ChunkId} failed: {Error}")]
    private partial void LogChunkFailed(string chunkId, string error);
}
