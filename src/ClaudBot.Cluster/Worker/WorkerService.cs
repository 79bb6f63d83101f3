using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// A worker process: <see cref="ClusterOptions.WorkerSlots"/> loops each take a chunk, keep its lease
/// alive while running it, store the result and report progress. On stop it takes nothing new; a chunk
/// that cannot finish within <see cref="StopGrace"/> is handed back to the queue.
/// </summary>
internal sealed partial class WorkerService(
    WorkQueue queue,
    JobStore jobs,
    ChunkRunner runner,
    RedisConnection redis,
    WorkerIdentity identity,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<WorkerService> logger) : BackgroundService
{
    /// <summary>How long a stopping worker lets its in-flight chunks finish before handing them back.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan TakeWait = TimeSpan.FromSeconds(1);
    private readonly ClusterOptions _options = options.Value;
    private int _busy;

    public int Busy => Volatile.Read(ref _busy);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queue.RegisterWorkerAsync(identity.Id);
        LogStarted(identity.Id, _options.WorkerSlots);
        using var graceful = new CancellationTokenSource();
        await using var onStop = stoppingToken.Register(() => graceful.CancelAfter(StopGrace));
        var loops = Enumerable.Range(0, _options.WorkerSlots).Select(_ => SlotAsync(stoppingToken, graceful.Token)).ToList();
        loops.Add(HeartbeatAsync(stoppingToken));
        await Task.WhenAll(loops);
        LogStopped(identity.Id);
    }

    private async Task SlotAsync(CancellationToken stoppingToken, CancellationToken abandonToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            ClaimedChunk? claimed;
            try
            {
                claimed = await queue.TakeAsync(identity.Id, _options.VisibilityTimeout, TakeWait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogQueueUnavailable(error.Message);
                await PauseAsync(stoppingToken);
                continue;
            }

            if (claimed is not null)
            {
                await RunClaimedAsync(claimed, abandonToken);
            }
        }
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TakeWait, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the slot loop sees the token and ends.
        }
    }

    private async Task RunClaimedAsync(ClaimedChunk claimed, CancellationToken abandonToken)
    {
        if (claimed.Payload is null || claimed.JobState.IsTerminal())
        {
            await queue.DropAsync(identity.Id, claimed.ChunkId);
            LogDropped(claimed.ChunkId, claimed.Payload is null ? "deleted" : claimed.JobState.ToName());
            return;
        }

        var chunk = claimed.Payload;
        LogTaken(claimed.ChunkId, chunk.Strategies.Count, chunk.Symbol, chunk.JobId);
        long started = time.GetTimestamp();
        Interlocked.Increment(ref _busy);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(claimed.ChunkId, renewing.Token);
        try
        {
            var output = await Task.Run(() => runner.RunAsync(chunk, abandonToken), abandonToken);
            var done = await queue.CompleteAsync(identity.Id, claimed.ChunkId, output.TasksJson, output.SummaryJson, output.Tasks, output.Failed);
            double seconds = time.GetElapsedTime(started).TotalSeconds;
            if (done.Stored)
            {
                LogDone(claimed.ChunkId, seconds, output.Tasks, output.Failed);
            }
            else
            {
                LogDoneTwice(claimed.ChunkId, seconds);
            }

            await PublishProgressAsync(chunk.JobId, done, output);
        }
        catch (OperationCanceledException) when (abandonToken.IsCancellationRequested)
        {
            await queue.HandBackAsync(identity.Id, claimed.ChunkId);
            LogHandedBack(claimed.ChunkId);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            Interlocked.Decrement(ref _busy);
        }
    }

    private async Task PublishProgressAsync(string jobId, ChunkCompletion done, ChunkOutput output)
    {
        if (!done.Stored)
        {
            return;
        }

        foreach (string error in output.Errors.Take(5))
        {
            await jobs.PublishAsync(new ClusterEvent("task_failed", jobId, done.TasksDone, done.TasksFailed, done.TasksTotal, Message: error));
        }

        await jobs.PublishAsync(new ClusterEvent("progress", jobId, done.TasksDone, done.TasksFailed, done.TasksTotal));
    }

    private async Task RenewAsync(string chunkId, CancellationToken cancellationToken)
    {
        var period = _options.VisibilityTimeout / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, time, cancellationToken);
                if (!await queue.RenewAsync(identity.Id, chunkId, _options.VisibilityTimeout))
                {
                    LogLeaseLost(chunkId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The chunk is done; nothing more to renew.
        }
    }

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        var period = _options.VisibilityTimeout / 3;
        var started = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var beat = new WorkerHeartbeat(identity.Id, identity.Host, identity.ProcessId, _options.WorkerSlots, Busy, started, time.GetUtcNow());
                await redis.Database.StringSetAsync(
                    ClusterKeys.Heartbeat(identity.Id), JsonSerializer.Serialize(beat, ClusterJson.Default.WorkerHeartbeat), _options.VisibilityTimeout * 2);
                await Task.Delay(period, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error) when (error is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogQueueUnavailable(error.Message);
            }
        }

        await redis.Database.KeyDeleteAsync(ClusterKeys.Heartbeat(identity.Id));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} started with {Slots} slots")]
    private partial void LogStarted(string workerId, int slots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} stopped")]
    private partial void LogStopped(string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue unavailable: {Reason}")]
    private partial void LogQueueUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Took chunk {ChunkId}: {Tasks} backtests on {Symbol} for job {JobId}")]
    private partial void LogTaken(string chunkId, int tasks, string symbol, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chunk {ChunkId} done in {Seconds:0.000} s: {Tasks} backtests, {Failed} failed")]
    private partial void LogDone(string chunkId, double seconds, int tasks, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chunk {ChunkId} done in {Seconds:0.000} s, but another run had stored its result first (its lease had lapsed); this run's result was dropped")]
    private partial void LogDoneTwice(string chunkId, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped chunk {ChunkId} without running it: its job is {State}")]
    private partial void LogDropped(string chunkId, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handed chunk {ChunkId} back to the queue on stop")]
    private partial void LogHandedBack(string chunkId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease of chunk {ChunkId}; finishing it anyway (its result is stored once)")]
    private partial void LogLeaseLost(string chunkId);
}
