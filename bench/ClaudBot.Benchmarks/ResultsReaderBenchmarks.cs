using BenchmarkDotNet.Attributes;
using ClaudBot.Backtesting;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Cluster.Worker;
using ClaudBot.MarketData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace ClaudBot.Benchmarks;

/// <summary>
/// A sweep's results (every bundled symbol x 546 parameter sets, run once by the real planner and chunk runner): the
/// driver's finishing pass (rows file, JSON file and ranked summary from the chunks' rows), and reading the summary of
/// the whole JSON export, as a reader without the node does; what each allocates must stay far below the data's size.
/// </summary>
[MemoryDiagnoser]
public class ResultsReaderBenchmarks
{
    private const string Strategies =
        "rsi(period=5..29 step 3, lower=15..40 step 5, upper=65..80 step 5),"
        + "macd(fast=6..18 step 3, slow=20..45 step 5, signal=5..13 step 4),"
        + "momentum(lookback=5..150 step 5, threshold=-0.02..0.04 step 0.02),"
        + "bollinger(period=10..60 step 5, k=1..3 step 0.25),"
        + "sma_cross(fast=10..50 step 10, slow=100..250 step 50),buy_hold";

    private string _directory = string.Empty;
    private string _path = string.Empty;
    private JobPlan _plan = null!;
    private JobStatus _job = null!;
    private readonly List<ChunkOutput> _outputs = [];
    private List<ParameterSet> _parameterSets = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "claudbot-bench-results-" + Guid.NewGuid().ToString("N"));
        RunSweepAsync().GetAwaiter().GetResult();
        string stored = FinishAsync(Path.Combine(_directory, "results")).GetAwaiter().GetResult();
        _path = Path.Combine(_directory, "export.json");
        using (var file = File.Create(_path))
        {
            ResultsExport.WriteAsync(stored, file, CancellationToken.None).GetAwaiter().GetResult();
        }

        Console.WriteLine($"// rows file: {new FileInfo(RowsFile.PathFor(stored)).Length:N0} bytes, JSON export: {new FileInfo(_path).Length:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>The whole file streamed: the best ten by Sharpe, the best per symbol, the failures.</summary>
    [Benchmark]
    public Task<ResultsSummary> ReadSummary() => ResultsFileReader.ReadSummaryAsync(_path, 10, CancellationToken.None);

    /// <summary>What the driver does when the job's last chunk is in: the rows and JSON files written, the summary ranked on the way.</summary>
    [Benchmark]
    public Task<string> Finish() => FinishAsync(Path.Combine(_directory, "finish"));

    private async Task<string> FinishAsync(string directory) =>
        (await ResultsStoreWriter.WriteAsync(
            directory, _job, JobState.Completed, _plan.Spec.SubmittedAt, _parameterSets, _outputs.Select(o => (ReadOnlyMemory<byte>)o.Rows).ToAsyncEnumerable(), [.. _outputs.Select(o => o.SummaryJson)], CancellationToken.None)).Path;

    private async Task RunSweepAsync()
    {
        var marketData = new MarketDataStore(
            Options.Create(new MarketDataOptions { Directory = Path.Combine(FindRepositoryRoot(), "data"), CacheDirectory = Path.Combine(_directory, "cache") }),
            NullLogger<MarketDataStore>.Instance);
        var cluster = Options.Create(new ClusterOptions());
        var planner = new JobPlanner(marketData, cluster, Options.Create(new BacktestOptions()), TimeProvider.System);
        _plan = await planner.PlanAsync(new JobRequest(Strategies, marketData.Symbols, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), "bench"), CancellationToken.None);
        var runner = new ChunkRunner(marketData, ResiliencePipeline.Empty, cluster, TimeProvider.System);
        foreach (var chunk in _plan.Chunks)
        {
            _outputs.Add(await runner.RunAsync(chunk with { JobId = "bench" }, CancellationToken.None));
        }

        _parameterSets = [.. _plan.Chunks.Where(c => c.Symbol == _plan.Spec.Symbols[0]).SelectMany(c => c.Strategies).Select(ParameterSet.Of)];
        _job = new JobStatus("bench", JobState.Running, _plan.Spec, _plan.TaskCount, _plan.TaskCount, 0, _plan.Chunks.Count, _plan.Chunks.Count, _plan.Spec.SubmittedAt, null, _plan.Notes, null);
    }

    internal static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClaudBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ClaudBot.sln above {AppContext.BaseDirectory}.");
    }
}
