using System.Text.Json;
using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// A worker's registration and heartbeat. Both are written again on every beat, so a queue server that restarted
/// without them (or a worker that started before its server) is known to the reaper and to <c>status</c> again
/// within one beat of the server's return. Each beat first checks the box (<see cref="BoxAdmission"/>: engine, data, drain
/// flag) and sets the slots' <see cref="WorkerGate"/>, then reports the result with the process's and the box's load.
/// A queue error never ends the loop.
/// </summary>
internal sealed partial class WorkerHeartbeats(
    WorkQueue queue,
    RedisConnection redis,
    WorkerIdentity identity,
    WorkerGate gate,
    BoxAdmission admission,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<WorkerHeartbeats> logger)
{
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private readonly ProcessUsage _usage = new(time);
    private readonly Platform.SystemLoad _box = Platform.SystemLoad.ForThisPlatform();

    private TimeSpan Period => options.Value.VisibilityTimeout / 3;

    /// <summary>
    /// Registers the worker, waiting with <see cref="Backoff.Queue"/> while the queue is unreachable (a worker may start
    /// before its driver; systemd need not restart it). False if stopped first.
    /// </summary>
    public async Task<bool> RegisterAsync(SlotActivity activity, CancellationToken cancellationToken)
    {
        string endpoint = redis.DescribeEndpoint();
        for (int failures = 1; ; failures++)
        {
            try
            {
                // The slots start after registering: a live count of 0 now would read as every slot DEAD.
                await BeatAsync(activity, slotsStarted: false);
                if (failures > 1)
                {
                    LogReachable(endpoint);
                }

                return true;
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                double seconds = Backoff.Queue.Delay(failures).TotalSeconds;
                LogUnreachable(endpoint, error.Message, seconds);
                if (!await Backoff.Queue.WaitAsync(failures, time, cancellationToken))
                {
                    return false;
                }
            }
        }
    }

    /// <summary>
    /// Beats at once (the slots have started: the live count is now known), then every third of the visibility
    /// timeout until stopped, then deletes the heartbeat.
    /// </summary>
    public async Task RunAsync(SlotActivity activity, CancellationToken stoppingToken)
    {
        int failures = 0;
        bool first = true;
        while (true)
        {
            var wait = first ? TimeSpan.Zero : failures == 0 ? Period : Backoff.Queue.Delay(failures);
            first = false;
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await BeatAsync(activity, slotsStarted: true);
                failures = 0;
            }
            catch (Exception error)
            {
                failures++;
                LogBeatFailed(error.Message);
            }
        }

        try
        {
            await redis.Database.KeyDeleteAsync(ClusterKeys.Heartbeat(identity.Id));
        }
        catch (Exception error)
        {
            // The key expires by itself after two visibility timeouts.
            LogBeatFailed(error.Message);
        }
    }

    // Before the slots start their live count is unknown (null), as from a worker older than the count.
    private async Task BeatAsync(SlotActivity activity, bool slotsStarted)
    {
        await queue.RegisterWorkerAsync(identity.Id);
        await admission.CheckAsync(gate);

        // Read after the gate is set: a draining worker with no slot taking and none busy can take nothing more.
        DrainState? drain = gate.Draining ? (gate.Taking || activity.Busy > 0 ? DrainState.Draining : DrainState.Drained) : null;
        var (cpu, rss) = _usage.Sample();
        var beat = new WorkerHeartbeat(
            identity.Id, identity.Host, identity.ProcessId, options.Value.WorkerSlots, activity.Busy, _started, time.GetUtcNow(), slotsStarted ? activity.Live : null, activity.LastActivityAt,
            gate.Refused, drain, cpu, rss, BoxReading(_box.CpuPercent), BoxReading(_box.MemoryPercent));
        await redis.Database.StringSetAsync(
            ClusterKeys.Heartbeat(identity.Id), JsonSerializer.Serialize(beat, ClusterJson.Default.WorkerHeartbeat), options.Value.VisibilityTimeout * 2);
    }

    // The box's load is news, not the beat's purpose: a platform that cannot say leaves it out.
    private static double? BoxReading(Func<double> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The queue at {EndPoint} is not reachable ({Reason}); trying again in {Seconds:0.0} s")]
    private partial void LogUnreachable(string endPoint, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The queue at {EndPoint} is reachable; worker registered")]
    private partial void LogReachable(string endPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat failed: {Reason}")]
    private partial void LogBeatFailed(string reason);
}
