using System.CommandLine;
using System.Diagnostics;
using ClaudBot.Cluster;
using ClaudBot.Hosting;
using ClaudBot.Node.Daemon;

namespace ClaudBot.Node.Commands;

/// <summary><c>start</c> and <c>stop</c>: the node as daemons with pid files under <c>run/</c>.</summary>
internal static class DaemonCommands
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    public static Command Start(TextWriter output, TextWriter error)
    {
        var role = new Option<NodeRole>("--role") { Description = "What to start on this box", DefaultValueFactory = _ => NodeRole.All };
        var workers = new Option<int>("--workers") { Description = "Worker processes (each runs Cluster:WorkerSlots tasks at once)", DefaultValueFactory = _ => 1 };
        var command = new Command("start", "Start the driver and workers in the background.") { role, workers };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pids = NodePids.ForThisNode();
            var running = pids.Read().Where(p => p.Running).ToList();
            if (running.Count > 0)
            {
                foreach (var process in running)
                {
                    await output.WriteLineAsync($"Already running: {process.Name} (PID: {process.Pid})");
                }

                return ExitCodes.Success;
            }

            var chosen = parse.GetValue(role);
            if (chosen != NodeRole.Worker)
            {
                int pid = NodeLauncher.Start("driver");
                pids.Write("driver", pid);
                await output.WriteLineAsync($"Started driver (PID: {pid})");
                if (!await NodeReadiness.WaitForQueueAsync(cancellationToken))
                {
                    await error.WriteLineAsync($"Error: the driver started but its queue server did not answer within {NodeReadiness.QueueTimeout.TotalSeconds:0} s; see cluster_driver.log in the node's log folder ('claudbot-node logs --component driver').");
                    return ExitCodes.Failed;
                }
            }

            if (chosen != NodeRole.Driver)
            {
                var started = new List<int>();
                for (int i = 1; i <= Math.Clamp(parse.GetValue(workers), 1, 64); i++)
                {
                    int pid = NodeLauncher.Start("worker");
                    pids.Write($"worker-{i}", pid);
                    started.Add(pid);
                    await output.WriteLineAsync($"Started worker (PID: {pid})");
                }

                var missing = await NodeReadiness.WaitForWorkersAsync(started, cancellationToken);
                if (missing.Count > 0)
                {
                    await error.WriteLineAsync(
                        $"Error: worker PID {string.Join(", ", missing)} started but did not register with the queue server within {NodeReadiness.WorkersTimeout.TotalSeconds:0} s; see the worker_*.log files in the node's log folder ('claudbot-node logs --component worker').");
                    return ExitCodes.Failed;
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Stop(TextWriter output)
    {
        var command = new Command("stop", "Stop the node's background processes: SIGTERM, then SIGKILL after 10 s.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var pids = NodePids.ForThisNode();
            var processes = pids.Read();
            if (processes.Count == 0)
            {
                await output.WriteLineAsync("Not running.");
                return ExitCodes.Success;
            }

            // Workers first, so they hand their chunks back while the driver's queue server is still up.
            foreach (var (name, pid, alive) in processes.OrderBy(p => p.Name is "driver" or "node"))
            {
                if (alive)
                {
                    await StopAsync(pid, cancellationToken);
                    await output.WriteLineAsync($"Stopped {(name.StartsWith("worker", StringComparison.Ordinal) ? "worker" : name)} (PID: {pid})");
                }

                pids.Delete(name);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task StopAsync(int pid, CancellationToken cancellationToken)
    {
        using var process = Process.GetProcessById(pid);
        using (var term = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
