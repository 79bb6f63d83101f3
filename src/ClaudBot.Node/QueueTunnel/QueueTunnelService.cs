using System.Diagnostics;
using System.Net.Sockets;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.QueueTunnel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Node.QueueTunnel;

/// <summary>
/// Keeps the worker box's tunnel to the server's queue up for as long as the worker runs: <c>ssh -N -L</c> as a child,
/// started again after <see cref="Backoff"/> whenever it exits (server restarted, network gone, sshd killed). Starting
/// waits (at most <see cref="FirstWait"/>) for the forward to accept, so the worker's first queue call goes through.
/// The same under systemd and the pid-file daemon: the tunnel lives and dies with the worker process.
/// </summary>
internal sealed partial class QueueTunnelService(IOptions<QueueTunnelOptions> options, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    /// <summary>Quick after a blip, at most 30 s apart while the server is away.</summary>
    public static readonly Backoff Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>A tunnel up this long counts as healthy: its next failure starts the backoff over.</summary>
    public static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(20);

    private readonly QueueTunnelOptions _options = options.Value;
    private readonly string _server = options.Value.Describe();

    // Under the worker's category, so its lines land in the worker's log file (ClusterLogFiles), where a user looks.
    private readonly ILogger _logger = loggers.CreateLogger("ClaudBot.Cluster.Worker.QueueTunnel");
    private readonly TaskCompletionSource _firstUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waited = Task.Delay(FirstWait, time, wait.Token);
        if (await Task.WhenAny(_firstUp.Task, waited) != _firstUp.Task)
        {
            LogNotYetUp(_server, FirstWait.TotalSeconds);
        }

        await wait.CancelAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            long started = time.GetTimestamp();
            var (code, why) = await RunOnceAsync(stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            failures = time.GetElapsedTime(started) >= StableAfter ? 1 : failures + 1;
            var delay = Backoff.Delay(failures);
            LogDown(_server, code, why, delay.TotalSeconds);
            await Backoff.WaitAsync(failures, time, stoppingToken);
        }
    }

    // One ssh process from start to exit: its exit code and last error line.
    private async Task<(int Code, string Why)> RunOnceAsync(CancellationToken stoppingToken)
    {
        string lastError = string.Empty;
        using var ssh = new Process { StartInfo = StartInfo() };
        ssh.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                lastError = e.Data.Trim();
            }
        };
        try
        {
            ssh.Start();
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return (-1, "the OpenSSH client could not be started: " + missing.Message);
        }

        ssh.BeginErrorReadLine();
        try
        {
            if (await WaitUntilForwardingAsync(ssh, stoppingToken))
            {
                LogUp(_options.LocalPort, _server, _options.RemotePort);
                _firstUp.TrySetResult();
            }

            await ssh.WaitForExitAsync(stoppingToken);
            return (ssh.ExitCode, lastError);
        }
        catch (OperationCanceledException)
        {
            ssh.Kill(entireProcessTree: true);
            return (-1, "stopping");
        }
        finally
        {
            // Closing its standard input is the watcher's signal (see StartInfo) should the kill above not have run.
            ssh.StandardInput.Close();
        }
    }

    // ssh under a small sh that also watches its standard input: if this process dies (even by SIGKILL) the pipe closes
    // and the watcher ends ssh, so no orphaned tunnel keeps the port from the next worker. The arguments go as "$@".
    private ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        // A background list's standard input is /dev/null in sh, so the watcher reads the pipe through fd 3.
        start.ArgumentList.Add("exec 3<&0; ssh \"$@\" </dev/null 3<&- & p=$!; (read -r _ <&3; kill \"$p\") >/dev/null 2>&1 & exec 3<&-; wait \"$p\"");
        start.ArgumentList.Add("claudbot-queue-tunnel");
        foreach (string argument in _options.SshArguments())
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    // True once the local end accepts; false when ssh exited first.
    private async Task<bool> WaitUntilForwardingAsync(Process ssh, CancellationToken cancellationToken)
    {
        while (!ssh.HasExited)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync("127.0.0.1", _options.LocalPort, cancellationToken);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue tunnel up: 127.0.0.1:{LocalPort} on this box reaches port {RemotePort} on {Server}'s loopback")]
    private partial void LogUp(int localPort, string server, int remotePort);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue tunnel to {Server} ended (exit {Code}: {Why}); trying again in {Seconds} s")]
    private partial void LogDown(string server, int code, string why, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue tunnel to {Server} is not up after {Seconds} s; the worker starts anyway and retries the queue until it is")]
    private partial void LogNotYetUp(string server, double seconds);
}
