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
/// <c>claudbot-node bench [--workers N] [--sweep 1m|10m | --walkforward | --portfolio]</c>: end-to-end figures of the cluster on this
/// machine. This process hosts the embedded queue server and the driver; N worker processes are started beside it.
/// Prints the submit-to-result time of a one-backtest job (median of 20) and the wall time,
/// backtests per second and peak memory of a sweep of every bundled symbol x 600 parameter sets
/// (29,400 backtests), run twice: the first after the workers start, then warm. <c>--sweep</c> runs one large sweep
/// instead, <c>--walkforward</c> one walk-forward (<see cref="WalkForwardBench"/>), <c>--portfolio</c> one portfolio job (<see cref="PortfolioBench"/>).
/// </summary>
internal static class BenchCommand
{
    // The large jobs --sweep runs: 20,000 and 200,000 parameter sets on each of the 49 bundled symbols.
    private static readonly Dictionary<string, string> LargeSweeps = new(StringComparer.Ordinal)
    {
        ["1m"] = "rsi(period=2..101, lower=10..49, upper=51..55)",
        ["10m"] = "rsi(period=2..101, lower=10..49, upper=51..100)",
    };

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
        var sweep = new Option<string>("--sweep") { Description = "'1m' runs one job of about a million backtests instead (rsi, 100 periods x 40 lower x 5 upper bands = 20,000 parameter sets, x 49 symbols), '10m' one of about ten million (x 50 upper bands), and reports its time, the driver's and each worker's peak memory, and its results' size", DefaultValueFactory = _ => "default" };
        sweep.AcceptOnlyFromAmong(["default", .. LargeSweeps.Keys]);
        var walkForward = new Option<bool>("--walkforward") { Description = $"Run one walk-forward instead: every bundled symbol x 6 windows (2021-2025, 2 years in, 6 months out) x 600 parameter sets ({WalkForwardBench.Grid}), 176,400 in-sample backtests; reports its time, its report's time and size, and peak memory" };
        var portfolio = new Option<bool>("--portfolio") { Description = $"Run one portfolio job instead: every bundled symbol as one universe, {PortfolioBench.Grid} (240 parameter sets) x 5, 10 and 20 positions; reports its time, peak memory and the best setting's report alone" };
        var command = new Command("bench", "Measure the cluster end to end: job latency and a full sweep.") { workers, sweep, walkForward, portfolio };
        command.Validators.Add(result =>
        {
            int jobs = (result.GetValue(walkForward) ? 1 : 0) + (result.GetValue(portfolio) ? 1 : 0) + (result.GetValue(sweep) is { } asked && asked != "default" ? 1 : 0);
            if (jobs > 1)
            {
                result.AddError("--sweep, --walkforward and --portfolio each run their own job: give one");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            // The driver runs in this process: it runs as a started node's does (NodeRuntimeSettings), or the figures
            // would be those of a process no user runs.
            if (NodeRuntimeSettings.Environment.Keys.Any(name => Environment.GetEnvironmentVariable(name) is null))
            {
                return await RunAgainAsNodeAsync(output, cancellationToken);
            }

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
                ["Cluster:MaxTasks"] = "10000000",
                ["Cluster:MaxJobMemoryMb"] = "4096",
            };
            using var host = ClaudBotHost.CreateBuilder(settings).AddClusterNode(NodeRole.Driver, dashboard: false, logFiles: false).Build();
            await host.StartAsync(cancellationToken);
            var processes = Enumerable.Range(0, count).Select(_ => StartWorker(port, scratch)).ToList();
            try
            {
                var client = host.Services.GetRequiredService<ClusterClient>();
                var symbols = host.Services.GetRequiredService<IMarketData>().Symbols.ToArray();
                await (parse.GetValue(portfolio)
                    ? PortfolioBench.RunAsync(client, host.Services.GetRequiredService<Cluster.Portfolio.PortfolioJobReports>(), symbols, processes, output, cancellationToken)
                    : parse.GetValue(walkForward)
                    ? WalkForwardBench.RunAsync(client, host.Services.GetRequiredService<IMarketData>(), symbols, processes, output, cancellationToken)
                    : LargeSweeps.TryGetValue(parse.GetValue(sweep)!, out string? large)
                    ? RunLargeAsync(client, parse.GetValue(sweep)!, large, symbols, processes, output, cancellationToken)
                    : RunAsync(client, symbols, processes, output, cancellationToken));
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

        await using var memory = new PeakMemory(workers);
        // The first sweep after the workers start pays for their JIT compiling the engine and for loading every symbol;
        // a node that has been up a while runs the second's way. Both are printed.
        foreach (string run in (string[])["first sweep after start", "sweep"])
        {
            memory.Reset();
            var (elapsed, job) = await RunJobWithStatusAsync(client, Sweep, symbols, cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{run}: {job.TasksTotal:N0} backtests ({symbols.Length} symbols x {job.TasksTotal / symbols.Length} parameter sets) in {elapsed.TotalSeconds:0.00} s = {job.TasksTotal / elapsed.TotalSeconds:N0} backtests/s; peak memory {memory.Total / 1048576.0:N0} MB (driver + workers); results on disk {ResultsBytes(job.ResultsFile!) / 1048576.0:0.0} MB; state {job.State.ToName()}"));
        }
    }

    /// <summary>One job of rsi over 100 periods x 40 lower bands x 5 or 50 upper bands on every symbol.</summary>
    private static async Task RunLargeAsync(ClusterClient client, string name, string strategies, string[] symbols, List<Process> workers, TextWriter output, CancellationToken cancellationToken)
    {
        await using var memory = new PeakMemory(workers);
        var (elapsed, job) = await RunJobWithStatusAsync(client, strategies, symbols, cancellationToken);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{name} sweep: {job.TasksTotal:N0} backtests ({symbols.Length} symbols x {job.TasksTotal / symbols.Length:N0} parameter sets) in {elapsed.TotalSeconds:0.0} s = {job.TasksTotal / elapsed.TotalSeconds:N0} backtests/s; peak memory: driver (with the embedded queue server) {memory.Driver / 1048576.0:N0} MB, each worker at most {memory.Worker / 1048576.0:N0} MB; results on disk {ResultsBytes(job.ResultsFile!) / 1048576.0:0.0} MB; state {job.State.ToName()}"));
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

    // This bench again, in a process started with the node's runtime settings, its output passed through.
    private static async Task<int> RunAgainAsNodeAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (string arg in Environment.GetCommandLineArgs().Skip(Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? 0 : 1))
        {
            start.ArgumentList.Add(arg);
        }

        NodeRuntimeSettings.Apply(start.Environment);
        using var process = Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            await output.WriteLineAsync(line);
        }

        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
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
        NodeRuntimeSettings.Apply(start.Environment);
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

    // The job's files all in: the JSON file, its rows and its stored summary.
    private static long ResultsBytes(string resultsFile) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(resultsFile)!, Path.GetFileNameWithoutExtension(resultsFile) + ".*").Sum(f => new FileInfo(f).Length);
}
