using System.Text.Json;
using System.Text.RegularExpressions;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Cluster.Status;
using ClaudBot.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Ssh;

/// <summary>
/// The cluster on the server: started, stopped and asked for its status with the node's own commands over
/// SSH, jobs queued and followed on its Redis through an SSH tunnel (Redis never listens beyond the
/// server's loopback), results files read over SFTP. Worker boxes (<see cref="SshTargetOptions.Workers"/>) start after
/// the server and stop before it; their worker logs come with the server's, each line labelled with its box.
/// </summary>
public sealed partial class SshClusterTarget(SshSession session, WorkerBoxSessions boxes, IConfiguration configuration) : IClusterTarget, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _disposed;
    private (int Port, ServiceProvider Services)? _client;

    public string Description => $"on {session.Description} over SSH";

    public async Task<string> StartAsync(CancellationToken cancellationToken)
    {
        var result = await RunNodeAsync(RemoteCommand.Start(session.Options), cancellationToken).ConfigureAwait(false);
        var status = await StatusAsync(cancellationToken).ConfigureAwait(false);
        string started = status.Up
            ? $"Cluster started on {session.Description}: {status.Processes.Count} process(es), {status.Cluster!.Workers.Count} worker(s). {FirstLine(result.Output)}".TrimEnd()
            : throw new ClusterTargetException($"The node on {session.Description} did not come up: {FirstLine(result.Output + result.Error)} Type 'show driver logs' to see why.");
        return await OnEveryBoxAsync(started, RemoteCommand.Start, "started", cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> StopAsync(CancellationToken cancellationToken)
    {
        // Boxes first, so their workers hand chunks back while the server's queue is still up.
        string boxes = await OnEveryBoxAsync(string.Empty, RemoteCommand.Stop, "stopped", cancellationToken).ConfigureAwait(false);
        var result = await RunNodeAsync(RemoteCommand.Stop(session.Options), cancellationToken).ConfigureAwait(false);
        await ForgetClientAsync().ConfigureAwait(false);
        string stopped = $"Cluster stopped on {session.Description}. Queued and running jobs are kept and resume after 'start cluster'. {FirstLine(result.Output)}".TrimEnd();
        return (stopped + boxes).TrimEnd();
    }

    public async Task<NodeStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var result = await RunNodeAsync(RemoteCommand.Status(session.Options), cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(result.Output, StatusJson.Default.NodeStatus)
                ?? throw new ClusterTargetException($"The node on {session.Description} answered 'status' with nothing.");
        }
        catch (JsonException bad)
        {
            throw new ClusterTargetException($"The node on {session.Description} answered 'status' with something unexpected (exit {result.ExitCode}): {FirstLine(result.Output + result.Error)}", bad);
        }
    }

    public async Task<string> PushDataAsync(string userDataDirectory, CancellationToken cancellationToken)
    {
        var options = Setup.SetupOptions.ForDataPush(session.Options, userDataDirectory);
        var report = await new Setup.UserDataPush(options, new Setup.QuietSetupConsole()).RunAsync(cancellationToken).ConfigureAwait(false);
        return report.Outcome == Setup.StepOutcome.Failed
            ? throw new ClusterTargetException(report.Detail)
            : $"{session.Description}: {report.Detail}";
    }

    public async Task<ClusterClient> ClientAsync(CancellationToken cancellationToken)
    {
        int port = await session.RedisTunnelAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A client whose node died under it may still be reconnecting to the old server: a fresh one
            // (made on the second try) connects at once if the node is back.
            for (int attempt = 1; ; attempt++)
            {
                if (_client is not { } client || client.Port != port)
                {
                    await ForgetClientLockedAsync().ConfigureAwait(false);
                    _client = client = (port, BuildClient(port));
                }

                var cluster = client.Services.GetRequiredService<ClusterClient>();
                try
                {
                    await cluster.SnapshotAsync(cancellationToken).ConfigureAwait(false);
                    return cluster;
                }
                catch (StackExchange.Redis.RedisException silent)
                {
                    await ForgetClientLockedAsync().ConfigureAwait(false);
                    if (attempt == 2)
                    {
                        throw new ClusterDownException($"The cluster on {session.Description} is not running (its queue does not answer: {silent.Message.Split(" - ")[0].Split(';')[0]}). Type 'start cluster'.", silent);
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<string>> ReadLogAsync(NodeRole component, int lines, CancellationToken cancellationToken)
    {
        var result = await RunNodeAsync(RemoteCommand.Logs(session.Options, component, lines), cancellationToken).ConfigureAwait(false);
        var log = Lines(result.Output);
        if (component != NodeRole.Worker || boxes.All.Count == 0)
        {
            return log;
        }

        // The server's workers, then each box's, every line labelled with where it was written.
        var labelled = log.Select(l => $"[{session.Options.Host}] {l}").ToList();
        foreach (var (box, boxSession) in boxes.All)
        {
            try
            {
                var boxLog = await boxSession.RunAsync(RemoteCommand.Logs(boxSession.Options, component, lines), cancellationToken).ConfigureAwait(false);
                labelled.AddRange(Lines(boxLog.Output).Select(l => $"[{box.Host}] {l}"));
            }
            catch (ClusterTargetException unreachable)
            {
                labelled.Add($"[{box.Host}] (no log: {unreachable.Message})");
            }
        }

        return labelled;
    }

    public async Task<IReadOnlyList<string>> CleanupAsync(int keep, CancellationToken cancellationToken)
    {
        var result = await RunNodeAsync(RemoteCommand.Cleanup(session.Options, keep), cancellationToken).ConfigureAwait(false);
        var removed = RemovedJobs().Match(result.Output);
        return removed.Success ? [.. removed.Groups[1].Value.Split(", ", StringSplitOptions.TrimEntries)] : [];
    }

    public async Task<Uri> NodeApiAsync(CancellationToken cancellationToken) =>
        new($"http://127.0.0.1:{await session.ApiTunnelAsync(cancellationToken).ConfigureAwait(false)}");

    public Task<Stream> OpenResultsAsync(JobStatus job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);

        // The path comes from Redis; only a results file's shape is ever opened.
        if (job.ResultsFile is not { } path || !RemoteResultsPath.IsValid(path))
        {
            throw new ClusterTargetException($"Job {job.Id} has no results file (it is {job.State.ToName()}, or the file was cleaned up).");
        }

        return OpenExportAsync(path, cancellationToken);
    }

    // The export is made here from the two files read over SFTP, front to back; a job finished before rows files has
    // its results inline in the JSON file, which is then the export as it is.
    private async Task<Stream> OpenExportAsync(string path, CancellationToken cancellationToken)
    {
        Stream rows;
        try
        {
            rows = await session.OpenReadAsync(Path.ChangeExtension(path, ".rows"), cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterTargetException missing) when (missing.InnerException is Renci.SshNet.Common.SftpPathNotFoundException)
        {
            return await session.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        }

        var header = await session.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        return ResultsExport.Open(
            async (output, ct) =>
            {
                await using (header.ConfigureAwait(false))
                await using (rows.ConfigureAwait(false))
                {
                    await ResultsExport.WriteAsync(header, rows, output, ct).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under two service types, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await ForgetClientAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    // The command on each worker box, one line each appended to <paramref name="summary"/>; a box that fails says why
    // in its line and the others still run (a box away must not keep the cluster down).
    private async Task<string> OnEveryBoxAsync(string summary, Func<SshTargetOptions, RemoteCommand> command, string done, CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder(summary);
        foreach (var (box, boxSession) in boxes.All)
        {
            string line;
            try
            {
                var result = await boxSession.RunAsync(command(boxSession.Options), cancellationToken).ConfigureAwait(false);
                line = result.NodeMissing
                    ? $"Worker box {box.Host}: the node is not installed there (run 'claudbot setup --worker {box.Host} --user {box.User}')."
                    : result.ExitCode == 0
                        ? $"Worker box {box.Host}: {done}. {FirstLine(result.Output)}".TrimEnd()
                        : $"Worker box {box.Host}: failed (exit {result.ExitCode}): {FirstLine(result.Error + result.Output)}";
            }
            catch (ClusterTargetException unreachable)
            {
                line = $"Worker box {box.Host}: {unreachable.Message}";
            }

            text.Append('\n').Append(line);
        }

        return text.ToString();
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;

    [GeneratedRegex(@"Removed \d+ jobs: (.+)")]
    private static partial Regex RemovedJobs();

    // Runs a node command; a node that is not there is said plainly, not as a shell error.
    private async Task<RemoteResult> RunNodeAsync(RemoteCommand command, CancellationToken cancellationToken)
    {
        var result = await session.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (result.NodeMissing)
        {
            throw new ClusterTargetException($"The node is not installed on {session.Description} (no ~/{session.Options.RemoteDirectory}/claudbot-node). Run 'claudbot setup --host {session.Options.Host} --user {session.Options.User}'.");
        }

        return result;
    }

    // The same cluster client as on the server, pointed at the tunnel's end on this machine's loopback.
    private ServiceProvider BuildClient(int port)
    {
        var settings = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = $"127.0.0.1:{port}",
            ["Redis:ConnectTimeout"] = "00:00:03",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(settings);
        services.AddLogging();
        services.AddClusterClient();
        return services.BuildServiceProvider();
    }

    private async Task ForgetClientAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await ForgetClientLockedAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ForgetClientLockedAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            await client.Services.DisposeAsync().ConfigureAwait(false);
        }
    }
}
