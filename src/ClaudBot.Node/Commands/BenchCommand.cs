using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Hosting;
using ClaudBot.MarketData;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>claudbot-node bench [--workers N]</c>: end-to-end figures of the cluster on this machine. This
/// process hosts the embedded queue server and the driver; N worker processes are started beside it.
/// Prints the submit-to-result time of a one-backtest job (median of 20) and the wall time,
/// backtests per second and peak memory of a sweep of every bundled symbol x 600 parameter sets
/// (29,400 backtests), run twice: the first after the workers start, then warm.
/// </summary>
internal static class BenchCommand
{
    /// <summary>
    /// 600 parameter sets per symbol, the issue's "6 strategies x 100": buy_hold has no parameters to
    /// sweep, so the five others take 120 sets each; over 49 symbols that is 29,400 backtests.
    /// </summary>
    public const string Sweep =
        "rsi(period=5..28, lower=20|25|30|35|40)," +
        "macd(fast=5..16, slow=20..29)," +
        "momentum(lookback=5..124)," +
        "sma_cross(fast=10..21, slow=50..140 step 10)," +
        "bollinger(period=10..33, k=1..3 step 0.5)";

    public static Command Create(TextWriter output)
    {
        var workers = new Option<int>("--workers") { Description = "Worker processes to start", DefaultValueFactory = _ => 1 };
        var command = new Command("bench", "Measure the cluster end to end: job latency and a full sweep.") { workers };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int count = Math.Clamp(parse.GetValue(workers), 1, 16);
            string scratch = Directory.CreateTempSubdirectory("claudbot-bench-").FullName;
            int port = FreePort();
            var settings = new Dictionary<string, string?>
            {
                ["Redis:ConnectionString"] = string.Empty,
                ["Redis:EmbeddedPort"] = port.ToString(CultureInfo.InvariantCulture),
                ["Redis:EmbeddedDirectory"] = Path.Combine(scratch, "redis"),
                ["Redis:Persist"] = "true",
                ["Cluster:ResultsDirectory"] = Path.Combine(scratch, "results"),
                ["Logging:LogLevel:Default"] = "Warning",
            };
            using var host = ClaudBotHost.CreateBuilder(settings).AddClusterNode(NodeRole.Driver, dashboard: false, logFiles: false).Build();
            await host.StartAsync(cancellationToken);
            var processes = Enumerable.Range(0, count).Select(_ => StartWorker(port, scratch)).ToList();
            try
            {
                var client = host.Services.GetRequiredService<ClusterClient>();
                var symbols = host.Services.GetRequiredService<IMarketData>().Symbols.ToArray();
                await RunAsync(client, symbols, processes, output, cancellationToken);
            }
            finally
            {
                foreach (var process in processes)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                    process.Dispose();
                }

                await host.StopAsync(CancellationToken.None);
                Directory.Delete(scratch, recursive: true);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task RunAsync(ClusterClient client, string[] symbols, List<Process> workers, TextWriter output, CancellationToken cancellationToken)
    {
        await RunJobAsync(client, "rsi", ["TCS"], cancellationToken); // warm-up: JIT, data cache, connections
        var latencies = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            latencies.Add((await RunJobAsync(client, "rsi", ["TCS"], cancellationToken)).TotalMilliseconds);
        }

        latencies.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"1-backtest job, submit to results file: median {latencies[10]:0.0} ms, min {latencies[0]:0.0} ms, max {latencies[^1]:0.0} ms ({workers.Count} worker process{(workers.Count > 1 ? "es" : string.Empty)})"));

        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                long total = Environment.WorkingSet;
                foreach (var worker in workers)
                {
                    worker.Refresh();
                    total += worker.WorkingSet64;
                }

                peak = Math.Max(peak, total);
                await Task.Delay(20, CancellationToken.None);
            }
        }, CancellationToken.None);
        // The first sweep after the workers start pays for their JIT compiling the engine and for loading every symbol;
        // a node that has been up a while runs the second's way. Both are printed.
        foreach (string run in (string[])["first sweep after start", "sweep"])
        {
            peak = 0;
            var (elapsed, job) = await RunJobWithStatusAsync(client, Sweep, symbols, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{run}: {job.TasksTotal:N0} backtests ({symbols.Length} symbols x {job.TasksTotal / symbols.Length} parameter sets) in {elapsed.TotalSeconds:0.00} s = {job.TasksTotal / elapsed.TotalSeconds:N0} backtests/s; peak memory {peak / 1048576.0:N0} MB (driver + workers); results file {new FileInfo(job.ResultsFile!).Length / 1048576.0:0.0} MB; state {job.State.ToName()}"));
        }

        await sampling.CancelAsync();
        await sampler;
    }

    private static async Task<TimeSpan> RunJobAsync(ClusterClient client, string strategies, string[] symbols, CancellationToken cancellationToken) =>
        (await RunJobWithStatusAsync(client, strategies, symbols, cancellationToken)).Elapsed;

    private static async Task<(TimeSpan Elapsed, JobStatus Job)> RunJobWithStatusAsync(ClusterClient client, string strategies, string[] symbols, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (id, _) = await client.SubmitAsync(new JobRequest(strategies, symbols, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), "bench"), cancellationToken);
        var job = await client.WaitAsync(id, null, cancellationToken);
        return (clock.Elapsed, job);
    }

    private static Process StartWorker(int port, string scratch)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "claudbot-node.dll"));
        }

        foreach (string arg in (string[])["run", "--role", "worker"])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CLAUDBOT_Redis__ConnectionString"] = $"127.0.0.1:{port}";
        start.Environment["CLAUDBOT_Cluster__ResultsDirectory"] = Path.Combine(scratch, "results");
        start.Environment["CLAUDBOT_Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
