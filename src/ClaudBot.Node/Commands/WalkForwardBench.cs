using System.Diagnostics;
using System.Globalization;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.WalkForward;
using ClaudBot.MarketData;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>claudbot-node bench --walkforward</c>: the measurement, a walk-forward over every bundled symbol x 6 windows
/// x a 600-point rsi grid (176,400 in-sample backtests) and its report. Prints the submit-to-finished time, how long
/// after the results files the driver had the report in place, the report's size, the driver's and a worker's peak
/// memory; then the report made again here alone (what the driver does as the job finishes: read the rows, pick, run
/// the out-of-sample segments, write), timed three times.
/// </summary>
internal static class WalkForwardBench
{
    /// <summary>30 periods x 20 lower bands = 600 parameter sets.</summary>
    public const string Grid = "rsi(period=5..34, lower=15..34)";

    private const int Rebuilds = 3;

    // Two years in and six months out over these five years: out-of-sample parts start 2023-01-01 and every six months
    // after, the last 2025-07-01..2025-12-31, so 6 windows (the bundled data runs 2021-01-27 to 2026-01-23).
    private static readonly DateOnly From = new(2021, 1, 1);
    private static readonly DateOnly To = new(2025, 12, 31);

    public static async Task RunAsync(ClusterClient client, IMarketData marketData, string[] symbols, IReadOnlyList<Process> workers, TextWriter output, CancellationToken cancellationToken)
    {
        await using var memory = new PeakMemory(workers);
        var request = new JobRequest(Grid, symbols, From, To, "bench") { WalkForward = new WalkForwardText("2 years", "6 months").Parse() };
        var clock = Stopwatch.StartNew();
        var (id, plan) = await client.SubmitAsync(request, cancellationToken);
        var job = await client.WaitAsync(id, null, cancellationToken);
        var elapsed = clock.Elapsed;
        var (driver, worker) = (memory.Driver, memory.Worker);
        int windows = job.Spec.Windows?.Count ?? 0;
        string? report = job.ResultsFile is { } results ? WalkForwardReports.PathFor(results) : null;
        if (report is null || !File.Exists(report))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"walk-forward: {plan.TaskCount:N0} backtests in {elapsed.TotalSeconds:0.0} s; state {job.State.ToName()}; no report was written"));
            return;
        }

        // The driver files the results (JSON, rows, summary), then writes the report, then marks the job finished: the
        // files' times show how long the report took it within the finish, without asking the driver.
        var written = File.GetLastWriteTimeUtc(report) - ResultsFiles(job.ResultsFile!).Where(f => f != report).Max(File.GetLastWriteTimeUtc);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"walk-forward: {plan.TaskCount:N0} in-sample backtests ({symbols.Length} symbols x {windows} windows x {plan.TaskCount / Math.Max(1, symbols.Length * windows):N0} parameter sets) in {elapsed.TotalSeconds:0.0} s submit to finished = {plan.TaskCount / elapsed.TotalSeconds:N0} backtests/s; state {job.State.ToName()}; " +
            $"report in place {written.TotalMilliseconds:N0} ms after the last results file, {new FileInfo(report).Length / 1024.0:N0} KB; peak memory: driver (with the embedded queue server) {driver / 1048576.0:N0} MB, each worker at most {worker / 1048576.0:N0} MB"));

        byte[] driversReport = await File.ReadAllBytesAsync(report, cancellationToken);
        memory.Reset();
        var timings = new List<double>(Rebuilds);
        using var reports = new WalkForwardReports(marketData);
        for (int i = 0; i < Rebuilds; i++)
        {
            File.Delete(report);
            var build = Stopwatch.StartNew();
            await reports.EnsureAsync(job, cancellationToken);
            timings.Add(build.Elapsed.TotalMilliseconds);
        }

        bool same = (await File.ReadAllBytesAsync(report, cancellationToken)).AsSpan().SequenceEqual(driversReport);
        timings.Sort();
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"walk-forward report alone ({Rebuilds} times, this process): {timings[0]:N0} ms fastest, {timings[Rebuilds / 2]:N0} ms median, {timings[^1]:N0} ms slowest; process peak {memory.Driver / 1048576.0:N0} MB; {(same ? "the same bytes as the driver's" : "DIFFERS from the driver's")}"));
    }

    private static IEnumerable<string> ResultsFiles(string resultsFile) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(resultsFile)!, Path.GetFileNameWithoutExtension(resultsFile) + ".*");
}
