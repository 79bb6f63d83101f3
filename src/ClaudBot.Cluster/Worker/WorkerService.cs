using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// A worker process: <see cref="ClusterOptions.WorkerSlots"/> loops each take a chunk, keep its lease
/// alive while running it, store the result and report progress. No failure of the queue nor of a chunk ends a
/// slot: queue calls are tried again after <see cref="Backoff.Queue"/> until the queue answers, and a chunk that
/// throws is stored with its tasks failed. On stop it takes nothing new; a chunk that cannot finish within
/// <see cref="StopGrace"/> is handed back to the queue at once. While the <see cref="WorkerGate"/> is closed (the box refused
/// or drained) the slots take nothing and finish what they hold.
/// </summary>
internal sealed partial class WorkerService(
    WorkQueue queue,
    JobStore jobs,
    ChunkRunner runner,
    WorkerHeartbeats heartbeats,
    WorkerGate gate,
    WorkerIdentity identity,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<WorkerService> logger) : BackgroundService
{
    /// <summary>How long a stopping worker lets its in-flight chunks finish before handing them back.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan TakeWait = TimeSpan.FromSeconds(1);
    private readonly ClusterOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var activity = new SlotActivity(time);
        LogStarted(identity.Id, _options.WorkerSlots);
        if (!await heartbeats.RegisterAsync(activity, stoppingToken))
        {
            return;
        }

        using var graceful = new CancellationTokenSource();
        await using var onStop = stoppingToken.Register(() => graceful.CancelAfter(StopGrace));
        var loops = Enumerable.Range(1, _options.WorkerSlots).Select(slot => SlotAsync(slot, activity, stoppingToken, graceful.Token)).ToList();
        loops.Add(heartbeats.RunAsync(activity, stoppingToken));
        await Task.WhenAll(loops);
        LogStopped(identity.Id);
    }

    private async Task SlotAsync(int slot, SlotActivity activity, CancellationToken stoppingToken, CancellationToken abandonToken)
    {
        activity.SlotStarted();
        try
        {
            int failures = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!gate.TryEnterTake())
                    {
                        await Task.Delay(TakeWait, time, stoppingToken);
                        continue;
                    }

                    ClaimedChunk? claimed;
                    try
                    {
                        claimed = await queue.TakeAsync(identity.Id, _options.VisibilityTimeout, TakeWait, stoppingToken);
                        if (claimed is not null)
                        {
                            // Busy before the take ends, so a drain round never sees neither taking nor busy while a chunk is held.
                            activity.ChunkStarted();
                        }
                    }
                    finally
                    {
                        gate.ExitTake();
                    }

                    activity.Touch();
                    failures = 0;
                    if (claimed is not null && !gate.Open)
                    {
                        // The gate closed while this slot waited on the queue (a blocking take began before the box was
                        // refused or drained): the chunk goes back to the head of the queue for another box, unrun.
                        try
                        {
                            await queue.HandBackAsync(identity.Id, claimed.ChunkId);
                            LogHandedBackClosed(claimed.ChunkId, gate.Refused ?? "draining");
                        }
                        finally
                        {
                            activity.ChunkEnded();
                        }
                    }
                    else if (claimed is not null)
                    {
                        try
                        {
                            await RunClaimedAsync(claimed, abandonToken);
                        }
                        finally
                        {
                            activity.ChunkEnded();
                        }
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception error)
                {
                    // Whatever failed (a queue timeout, a dropped or disposed connection, a reply that did not parse),
                    // the slot lives on: a chunk it held without storing stays in its processing list for the reaper.
                    var wait = Backoff.Queue.Delay(++failures);
                    LogSlotFailed(slot, error.GetType().Name, error.Message, wait.TotalSeconds);
                    await Backoff.Queue.WaitAsync(failures, time, stoppingToken);
                }
            }
        }
        finally
        {
            activity.SlotEnded();
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
        var lease = new LeaseKeeper(_ => queue.RenewAsync(identity.Id, claimed.ChunkId, _options.VisibilityTimeout), claimed.ChunkId, _options.VisibilityTimeout, time, logger);
        using var renewing = new CancellationTokenSource();
        var renewal = lease.RunAsync(renewing.Token);
        try
        {
            ChunkOutput output;
            try
            {
                output = await Task.Run(() => runner.RunAsync(chunk, abandonToken), abandonToken);
            }
            catch (OperationCanceledException) when (abandonToken.IsCancellationRequested)
            {
                await renewing.CancelAsync();
                await HandBackAsync(claimed.ChunkId);
                return;
            }
            catch (Exception failure)
            {
                // A chunk that throws would throw on every delivery: record its tasks as failed rather than lose the slot.
                LogChunkThrew(claimed.ChunkId, failure.GetType().Name, failure.Message);
                output = ChunkOutput.AllFailed(chunk, $"the worker could not run it: {failure.Message}");
            }

            // The lease is renewed until the result lands, however long the queue is away.
            var done = await StoreAsync(claimed.ChunkId, output, abandonToken);
            if (done is not null)
            {
                double seconds = time.GetElapsedTime(started).TotalSeconds;
                if (done.Value.Stored)
                {
                    LogDone(claimed.ChunkId, seconds, output.Tasks, output.Failed);
                }
                else
                {
                    LogDoneTwice(claimed.ChunkId, seconds);
                }

                await PublishProgressAsync(chunk.JobId, done.Value, output);
            }
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
        }
    }

    /// <summary>
    /// Stores the result, trying again after each queue error until it lands (the completion script stores a chunk's
    /// result once and counts it once, so a try whose reply was lost is harmless). Null if the worker stops first.
    /// </summary>
    private async Task<ChunkCompletion?> StoreAsync(string chunkId, ChunkOutput output, CancellationToken abandonToken)
    {
        for (int failures = 1; ; failures++)
        {
            try
            {
                return await queue.CompleteAsync(identity.Id, chunkId, output.Rows, output.SummaryJson, output.Tasks, output.Failed);
            }
            catch (Exception error)
            {
                LogStoreFailed(chunkId, error.Message, Backoff.Queue.Delay(failures).TotalSeconds);
                if (!await Backoff.Queue.WaitAsync(failures, time, abandonToken))
                {
                    // Stopping: the chunk stays in this worker's processing list and the reaper queues it again.
                    LogStoreAbandoned(chunkId);
                    return null;
                }
            }
        }
    }

    private async Task HandBackAsync(string chunkId)
    {
        try
        {
            await queue.HandBackAsync(identity.Id, chunkId);
            LogHandedBack(chunkId);
        }
        catch (Exception error)
        {
            // Stopping with the queue away: the reaper takes the chunk back once the lease lapses.
            LogHandBackFailed(chunkId, error.Message);
        }
    }

    private async Task PublishProgressAsync(string jobId, ChunkCompletion done, ChunkOutput output)
    {
        if (!done.Stored)
        {
            return;
        }

        try
        {
            foreach (string error in output.Errors.Take(5))
            {
                await jobs.PublishAsync(new ClusterEvent("task_failed", jobId, done.TasksDone, done.TasksFailed, done.TasksTotal, Message: error));
            }

            await jobs.PublishAsync(new ClusterEvent("progress", jobId, done.TasksDone, done.TasksFailed, done.TasksTotal));
        }
        catch (Exception error)
        {
            // Progress events are news, not state: the result is stored and the driver's sweep finishes the job without them.
            LogPublishFailed(jobId, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} started with {Slots} slots")]
    private partial void LogStarted(string workerId, int slots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} stopped")]
    private partial void LogStopped(string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slot {Slot}: {Error}: {Reason}; trying again in {Seconds:0.0} s")]
    private partial void LogSlotFailed(int slot, string error, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Took chunk {ChunkId}: {Tasks} backtests on {Symbol} for job {JobId}")]
    private partial void LogTaken(string chunkId, int tasks, string symbol, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chunk {ChunkId} done in {Seconds:0.000} s: {Tasks} backtests, {Failed} failed")]
    private partial void LogDone(string chunkId, double seconds, int tasks, int failed);

    // Also what a retried store sees when its first try landed but the reply was lost: either way, stored once.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Chunk {ChunkId} done in {Seconds:0.000} s, but its result was stored already (another run's, or an earlier try whose reply was lost); this run's was dropped")]
    private partial void LogDoneTwice(string chunkId, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chunk {ChunkId} threw {Error}: {Reason}; its tasks are recorded as failed")]
    private partial void LogChunkThrew(string chunkId, string error, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store chunk {ChunkId}: {Reason}; trying again in {Seconds:0.0} s")]
    private partial void LogStoreFailed(string chunkId, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped before chunk {ChunkId} could be stored; the reaper queues it again")]
    private partial void LogStoreAbandoned(string chunkId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped chunk {ChunkId} without running it: its job is {State}")]
    private partial void LogDropped(string chunkId, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handed chunk {ChunkId} back to the queue on stop")]
    private partial void LogHandedBack(string chunkId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand chunk {ChunkId} back on stop ({Reason}); the reaper queues it again")]
    private partial void LogHandBackFailed(string chunkId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handed chunk {ChunkId} back unrun: this box takes no work now ({Reason})")]
    private partial void LogHandedBackClosed(string chunkId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish progress of job {JobId}: {Reason}")]
    private partial void LogPublishFailed(string jobId, string reason);
}
