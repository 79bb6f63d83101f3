using ClaudBot.Backtesting;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Status;
using ClaudBot.Cluster.Worker;
using ClaudBot.Dashboard;
using ClaudBot.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Targets;

/// <summary>
/// The whole node inside the bot's process: the embedded Redis-compatible server (or the configured
/// Redis), the driver and one worker, built as a host of their own from the bot's configuration, so
/// "start cluster" and "stop cluster" start and stop exactly what <c>claudbot-node run</c> would.
/// Logs go to the node's usual files (<c>logs/cluster_driver.log</c>, <c>logs/worker_&lt;id&gt;.log</c>), never the chat.
/// </summary>
public sealed class LocalClusterTarget(IConfiguration configuration, SystemLoad load, TimeProvider time) : IClusterTarget, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IHost? _node;

    public string Description => "in this process";

    private string LogDirectory => (configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions()).ResolveLogDirectory();

    public async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_node is not null)
            {
                return "The cluster is already running (in this process).";
            }

            var node = Build();
            try
            {
                await node.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is EmbeddedRedisException or OptionsValidationException or RedisUnavailableException)
            {
                node.Dispose();
                throw new ClusterTargetException("The cluster did not start: " + InputErrors.Describe(error), error);
            }
            catch
            {
                // Cancelled or failed half way: whatever did start (the embedded server) is stopped again.
                node.Dispose();
                throw;
            }

            await WaitForWorkerAsync(node.Services.GetRequiredService<ClusterClient>(), cancellationToken).ConfigureAwait(false);
            _node = node;
            var options = node.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
            var redis = node.Services.GetRequiredService<RedisConnection>();
            return $"Cluster started in this process: driver and 1 worker ({options.WorkerSlots} slots), queue on {redis.DescribeEndpoint()}.";
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<string> StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_node is not { } node)
            {
                return "The cluster is not running.";
            }

            _node = null;
            await node.StopAsync(cancellationToken).ConfigureAwait(false);
            node.Dispose();
            return "Cluster stopped. Queued and running jobs are kept and resume after 'start cluster'.";
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<NodeStatus> StatusAsync(CancellationToken cancellationToken)
    {
        string host = Environment.MachineName + " (in this process)";
        double cpu = load.CpuPercent();
        double memory = SystemLoad.MemoryPercent();
        if (Volatile.Read(ref _node) is not { } node)
        {
            return new NodeStatus(host, [], null, "the cluster is stopped", cpu, memory, time.GetUtcNow());
        }

        int pid = Environment.ProcessId;
        var processes = new List<NodeProcessStatus> { new("driver", pid, true), new("worker", pid, true) };
        if (node.Services.GetRequiredService<IOptions<RedisOptions>>().Value.UsesEmbeddedServer)
        {
            processes.Add(new NodeProcessStatus("redis", pid, true));
        }

        try
        {
            var snapshot = await node.Services.GetRequiredService<ClusterClient>().SnapshotAsync(cancellationToken).ConfigureAwait(false);
            return new NodeStatus(host, processes, snapshot, null, cpu, memory, time.GetUtcNow());
        }
        catch (RedisUnavailableException unavailable)
        {
            return new NodeStatus(host, processes, null, unavailable.Message, cpu, memory, time.GetUtcNow());
        }
    }

    public Task<ClusterClient> ClientAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _node) is { } node
            ? Task.FromResult(node.Services.GetRequiredService<ClusterClient>())
            : Task.FromException<ClusterClient>(new ClusterDownException());

    public async Task<IReadOnlyList<string>> ReadLogAsync(NodeRole component, int lines, CancellationToken cancellationToken)
    {
        string? path = LogTail.Newest(LogDirectory, ClusterLogFiles.Pattern(component, WorkerIdentity.ForThisProcess().Id));
        if (path is null)
        {
            return [];
        }

        return await LogTail.ReadLastLinesAsync(path, lines, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> CleanupAsync(int keep, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken).ConfigureAwait(false)).CleanupAsync(keep, cancellationToken).ConfigureAwait(false);

    public Task<Stream> OpenResultsAsync(JobStatus job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.ResultsFile is not { } path || !File.Exists(path))
        {
            throw new ClusterTargetException($"Job {job.Id} has no results file (it is {job.State.ToName()}, or the file was cleaned up).");
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _node, null) is { } node)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await node.StopAsync(timeout.Token).ConfigureAwait(false);
            node.Dispose();
        }

        _gate.Dispose();
    }

    // "Started" means a status request right after shows the worker: its first heartbeat is in Redis.
    private static async Task WaitForWorkerAsync(ClusterClient client, CancellationToken cancellationToken)
    {
        // The node runs on real time whatever clock the conversation has, so this wait does too.
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        while ((await client.SnapshotAsync(cancellationToken).ConfigureAwait(false)).Workers.Count == 0
            && System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
        }
    }

    private IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(4));
        builder.Services.AddClusterClient(hostEmbeddedRedis: true);
        builder.Services.AddClusterDriver();

        // The driver's dashboard, as claudbot-node serves it (127.0.0.1:3000 unless Dashboard:Url says otherwise).
        builder.Services.AddClaudBotDashboard();
        builder.Services.AddClusterWorker();
        builder.Logging.ClearProviders();
        ClusterLogFiles.Add(builder.Logging, NodeRole.All, LogDirectory);
        return builder.Build();
    }
}
