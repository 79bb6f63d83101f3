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
    JobJournal journal,
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
        var channel = await redis.Subscriber.SubscribeAsync(ClusterKeys.Events);
        channel.OnMessage(message => OnEventAsync(message.Message, stoppingToken));
        LogStarted();
        var period = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.VisibilityTimeout.TotalMilliseconds / 4, 100, 1000));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(period, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await channel.UnsubscribeAsync();
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
                    break;
                case { Type: "progress" } when clusterEvent.TasksDone + clusterEvent.TasksFailed >= clusterEvent.TasksTotal:
                    await finisher.TryFinishAsync(clusterEvent.JobId, cancellationToken);
                    break;
            }
        }
        catch (Exception error) when (error is JsonException or RedisException or IOException)
        {
            LogSweepFailed(error.Message);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var jobId in await redis.Database.SetMembersAsync(ClusterKeys.ActiveJobs))
            {
                // The sweep notices starts (a worker's claim publishes nothing) and jobs whose events it missed.
                if (await jobs.GetAsync(jobId.ToString(), cancellationToken) is { } job)
                {
                    journal.Observe(job, resumed: !_swept);
                }

                await finisher.TryFinishAsync(jobId.ToString(), cancellationToken);
            }

            _swept = true;

            foreach (var (workerId, chunkId) in await reaper.SweepAsync())
            {
                await FailChunkAsync(workerId, chunkId);
            }
        }
        catch (Exception error) when (error is RedisException or TimeoutException or IOException)
        {
            LogSweepFailed(error.Message);
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
        string tasks = "[" + string.Join(",", payload.Strategies.Select((s, i) => JsonSerializer.Serialize(
            new FailedTask(payload.FirstTask + i, s, payload.Symbol, error), ClusterJson.Default.FailedTask))) + "]";
        string summary = $$"""{"symbol":{{JsonSerializer.Serialize(payload.Symbol, ClusterJson.Default.String)}},"tasks":{{payload.Strategies.Count}},"failed":{{payload.Strategies.Count}}}""";
        await queue.CompleteAsync(workerId, chunkId, System.Text.Encoding.UTF8.GetBytes(tasks), summary, payload.Strategies.Count, payload.Strategies.Count);
        LogChunkFailed(chunkId, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver started")]
    private partial void LogStarted();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Driver sweep failed: {Reason}")]
    private partial void LogSweepFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chunk {ChunkId} failed: {Error}")]
    private partial void LogChunkFailed(string chunkId, string error);
}
