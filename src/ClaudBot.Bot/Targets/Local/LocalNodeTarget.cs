using System.Diagnostics;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Platform;
using ClaudBot.Cluster.Status;
using ClaudBot.Redis;
using ClaudBot.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Targets.Local;

/// <summary>
/// The node on this machine, as a service: <c>claudbot-node start</c> runs it in the background (the same
/// program and composition as on a server), and every client (say, chat, monitor, Telegram, the dashboard)
/// talks to that one node through its queue. It outlives the command that started it; <c>stop</c> stops it.
/// </summary>
public sealed class LocalNodeTarget(
    NodeProgram program,
    ClusterClient client,
    RedisConnection redis,
    IOptions<ClusterOptions> options,
    IConfiguration configuration,
    SystemLoad load,
    IProcessProbe probe,
    TimeProvider time) : IClusterTarget
{
    // Longer than 'claudbot-node start' may take by its own limits (queue 30 s, then workers 30 s), so its own one-line
    // reason is what the user reads, not this wait running out first.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(75);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly NodePidFiles _pids = new(options.Value.ResolveRunDirectory(), probe);

    public string Description => "on this machine";

    private string DashboardUrl => configuration["Dashboard:Url"] is { Length: > 0 } url ? url : "http://127.0.0.1:3000";

    public async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        var running = Running();
        if (running.Count > 0)
        {
            return $"The cluster is already running on this machine ({Describe(running)}). Dashboard: {DashboardUrl}";
        }

        var result = await NodeCommandResult.RunAsync(program.StartInfo("start"), StartTimeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new ClusterTargetException($"The cluster did not start: {result.FirstLine} Type 'show driver logs' to see why.");
        }

        await WaitForWorkerAsync(cancellationToken).ConfigureAwait(false);
        return $"Cluster started on this machine ({Describe(Running())}); queue on {redis.DescribeEndpoint()}, {options.Value.WorkerSlots} slots per worker. Dashboard: {DashboardUrl}";
    }

    // The local node's MarketData:UserDirectory is this home's folder: it reads what was fetched on its next load.
    public Task<string> PushDataAsync(string userDataDirectory, CancellationToken cancellationToken) =>
        Task.FromResult("The local node reads this home's data, so it runs on the new bars at once.");

    public async Task<string> StopAsync(CancellationToken cancellationToken)
    {
        if (Running().Count == 0)
        {
            return "The cluster is not running.";
        }

        var result = await NodeCommandResult.RunAsync(program.StartInfo("stop"), StopTimeout, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0
            ? $"Cluster stopped ({string.Join(", ", result.ProcessLines)}). Queued and running jobs are kept and resume after 'start cluster'."
            : throw new ClusterTargetException($"The cluster did not stop cleanly: {result.FirstLine}");
    }

    public async Task<NodeStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var processes = _pids.Read();
        double cpu = load.CpuPercent();
        double memory = load.MemoryPercent();
        if (!processes.Any(p => p.Running))
        {
            return new NodeStatus(Environment.MachineName, processes, null, "the cluster is stopped (type 'start cluster')", cpu, memory, time.GetUtcNow()) { Disk = client.Disk() };
        }

        try
        {
            var snapshot = await client.SnapshotAsync(cancellationToken).ConfigureAwait(false);
            return new NodeStatus(Environment.MachineName, processes, snapshot, null, cpu, memory, time.GetUtcNow()) { Disk = client.Disk() };
        }
        catch (RedisUnavailableException unavailable)
        {
            return new NodeStatus(Environment.MachineName, processes, null, unavailable.Message, cpu, memory, time.GetUtcNow()) { Disk = client.Disk() };
        }
    }

    public Task<ClusterClient> ClientAsync(CancellationToken cancellationToken) =>
        Running().Count > 0 ? Task.FromResult(client) : Task.FromException<ClusterClient>(new ClusterDownException());

    public Task<IReadOnlyList<string>> ReadLogAsync(NodeRole component, int lines, CancellationToken cancellationToken) =>
        ClusterLogReader.ReadLastLinesAsync(options.Value.ResolveLogDirectory(), component, lines, cancellationToken);

    public async Task<IReadOnlyList<string>> CleanupAsync(int keep, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken).ConfigureAwait(false)).CleanupAsync(keep, cancellationToken).ConfigureAwait(false);

    public Task<Uri> NodeApiAsync(CancellationToken cancellationToken) => Task.FromResult(NodeApiAddress.From(DashboardUrl));

    public Task<Stream> OpenResultsAsync(JobStatus job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.ResultsFile is not { } path || !File.Exists(path))
        {
            throw new ClusterTargetException($"Job {job.Id} has no results file (it is {job.State.ToName()}, or the file was cleaned up).");
        }

        return Task.FromResult(Cluster.Results.Store.ResultsExport.Open(path, cancellationToken));
    }

    private List<NodeProcessStatus> Running() => _pids.Read().Where(p => p.Running).ToList();

    private static string Describe(IEnumerable<NodeProcessStatus> processes) =>
        string.Join(", ", processes.Select(p => $"{p.Name} PID {p.Pid}"));

    // "Started" means a status request right after shows the worker: its first heartbeat is in the queue.
    private async Task WaitForWorkerAsync(CancellationToken cancellationToken)
    {
        // The node runs on real time whatever clock the conversation has, so this wait does too.
        long started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20))
        {
            try
            {
                if ((await client.SnapshotAsync(cancellationToken).ConfigureAwait(false)).Workers.Count > 0)
                {
                    return;
                }
            }
            catch (RedisUnavailableException)
            {
                // The queue of a node that just started may refuse a first connection; try again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        throw new ClusterTargetException("The cluster started but no worker reported within 20 s. Type 'show worker logs' to see why.");
    }
}
