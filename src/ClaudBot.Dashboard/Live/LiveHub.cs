using System.Collections.Concurrent;
using System.Text.Json;
using ClaudBot.Cluster;
using ClaudBot.Dashboard.Api;
using ClaudBot.Dashboard.Hosting;
using ClaudBot.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClaudBot.Dashboard.Live;

/// <summary>
/// Fans the cluster's events (Redis channel <c>claudbot:events</c>) out to every /ws client, with
/// progress throttled per job to <see cref="ProgressInterval"/>, and adds worker_joined / worker_lost
/// from the heartbeats every <see cref="WorkerPoll"/>.
/// </summary>
internal sealed class LiveHub(RedisConnection redis, ClusterClient cluster, ClusterViews views, TimeProvider time, IOptions<DashboardOptions> options, ILogger<LiveHub> logger) : BackgroundService
{
    public const int ClientCapacity = 256;
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan WorkerPoll = TimeSpan.FromSeconds(2);

    // The cluster's channel name (ClusterKeys.Events is internal to the cluster).
    private static readonly RedisChannel Events = RedisChannel.Literal("claudbot:events");
    private readonly ConcurrentDictionary<ClientQueue, byte> _clients = new();
    private readonly Dictionary<string, (DateTimeOffset Sent, LiveMessage? Pending)> _progress = [];
    private readonly Lock _gate = new();
    private Dictionary<string, WorkerView>? _workers;

    private int _joined;

    /// <summary>A queue for one more client, or null when <see cref="DashboardOptions.MaxLiveClients"/> are connected.</summary>
    public ClientQueue? TryJoin()
    {
        // Counted apart from the dictionary so that two clients racing for the last place cannot both get it.
        if (Interlocked.Increment(ref _joined) > options.Value.MaxLiveClients)
        {
            Interlocked.Decrement(ref _joined);
            return null;
        }

        var queue = new ClientQueue(ClientCapacity);
        _clients[queue] = 0;
        return queue;
    }

    public void Leave(ClientQueue queue)
    {
        if (_clients.TryRemove(queue, out _))
        {
            Interlocked.Decrement(ref _joined);
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for every client session to have ended: close frame sent, handshake done or timed out.</summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(20);
        while (!_clients.IsEmpty && waited < timeout)
        {
            await Task.Delay(step, time, cancellationToken);
            waited += step;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SubscribeAsync(stoppingToken);
        var nextPoll = TimeSpan.Zero;
        using var timer = new PeriodicTimer(ProgressInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                FlushProgress();
                nextPoll -= ProgressInterval;
                if (nextPoll <= TimeSpan.Zero)
                {
                    nextPoll = WorkerPoll;
                    await PollWorkersAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SubscribeAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var subscription = await redis.Subscriber.SubscribeAsync(Events);
                subscription.OnMessage(message => Handle(message.Message.ToString()));
                stoppingToken.Register(() => _ = subscription.UnsubscribeAsync());
                return;
            }
            catch (Exception error) when (error is RedisException or RedisUnavailableException or TimeoutException)
            {
                Log.EventsUnavailable(logger, error.GetType().Name);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Handle(string json)
    {
        ClusterEvent? clusterEvent;
        try
        {
            clusterEvent = JsonSerializer.Deserialize<ClusterEvent>(json, DashboardJson.Options);
        }
        catch (JsonException error)
        {
            Log.BadEvent(logger, error);
            return;
        }

        if (clusterEvent is null)
        {
            return;
        }

        var message = new LiveMessage(clusterEvent.Type)
        {
            JobId = clusterEvent.JobId,
            State = clusterEvent.State,
            TasksDone = clusterEvent.TasksDone,
            TasksFailed = clusterEvent.TasksFailed,
            TasksTotal = clusterEvent.TasksTotal,
            Progress = clusterEvent.TasksTotal == 0 ? 1 : Math.Round((clusterEvent.TasksDone + clusterEvent.TasksFailed) / (double)clusterEvent.TasksTotal, 4),
            // job_done carries the results file's path on the node; clients use /api/jobs/{id}/results instead.
            Message = clusterEvent.Type == "task_failed" ? clusterEvent.Message : null,
        };
        lock (_gate)
        {
            var now = time.GetUtcNow();
            switch (clusterEvent.Type)
            {
                case "progress":
                    if (_progress.TryGetValue(clusterEvent.JobId, out var last) && now - last.Sent < ProgressInterval)
                    {
                        _progress[clusterEvent.JobId] = (last.Sent, message);
                        return;
                    }

                    _progress[clusterEvent.JobId] = (now, null);
                    break;
                case "job_done" or "job_cancelled":
                    // The final event has the final counts: a held progress would only arrive after it.
                    _progress.Remove(clusterEvent.JobId);
                    break;
            }

            Broadcast(message);
        }
    }

    private void FlushProgress()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var (jobId, entry) in _progress.ToList())
            {
                if (entry.Pending is not null && now - entry.Sent >= ProgressInterval)
                {
                    _progress[jobId] = (now, null);
                    Broadcast(entry.Pending);
                }
            }
        }
    }

    private async Task PollWorkersAsync(CancellationToken stoppingToken)
    {
        Dictionary<string, WorkerView> current;
        try
        {
            var snapshot = await cluster.SnapshotAsync(stoppingToken);
            current = snapshot.Workers.Select(views.Worker).ToDictionary(w => w.Id);
        }
        catch (Exception error) when (error is RedisException or RedisUnavailableException or TimeoutException)
        {
            Log.EventsUnavailable(logger, error.GetType().Name);
            return;
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            // Anything else (a heartbeat that does not parse) must not end the hub: that silenced every live client
            // for good while the pages went on loading. The next poll tries again.
            Log.WorkersUnreadable(logger, error);
            return;
        }

        lock (_gate)
        {
            if (_workers is not null)
            {
                foreach (var joined in current.Values.Where(w => !_workers.ContainsKey(w.Id)))
                {
                    Broadcast(new LiveMessage("worker_joined") { Worker = joined, WorkerId = joined.Id });
                }

                foreach (string lost in _workers.Keys.Where(id => !current.ContainsKey(id)))
                {
                    Broadcast(new LiveMessage("worker_lost") { WorkerId = lost });
                }
            }

            _workers = current;
        }
    }

    private void Broadcast(LiveMessage message)
    {
        byte[] payload = Serialize(message);
        bool droppable = message.Type is "progress" or "task_failed";
        foreach (var client in _clients.Keys)
        {
            client.Enqueue(payload, droppable);
        }
    }

    public static byte[] Serialize(LiveMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, DashboardJson.Options);
}
