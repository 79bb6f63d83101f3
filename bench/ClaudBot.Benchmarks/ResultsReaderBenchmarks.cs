using BenchmarkDotNet.Attributes;
using ClaudBot.Backtesting;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Worker;
using ClaudBot.MarketData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace ClaudBot.Benchmarks;

/// <summary>
/// Reading the summary of a sweep's results file (every bundled symbol x 546 parameter sets, about
/// 100 MB, written once by the real planner, chunk runner and writer): the time to stream it, and what
/// that allocates, which must stay far below the file's size.
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

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "claudbot-bench-results-" + Guid.NewGuid().ToString("N"));
        _path = WriteSweepAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// results file: {new FileInfo(_path).Length:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>The whole file streamed: the best ten by Sharpe, the best per symbol, the failures.</summary>
    [Benchmark]
    public Task<ResultsSummary> ReadSummary() => ResultsFileReader.ReadSummaryAsync(_path, 10, CancellationToken.None);

    private async Task<string> WriteSweepAsync()
    {
        var marketData = new MarketDataStore(
            Options.Create(new MarketDataOptions { Directory = Path.Combine(FindRepositoryRoot(), "data"), CacheDirectory = Path.Combine(_directory, "cache") }),
            NullLogger<MarketDataStore>.Instance);
        var cluster = Options.Create(new ClusterOptions());
        var planner = new JobPlanner(marketData, cluster, Options.Create(new BacktestOptions()), TimeProvider.System);
        var plan = await planner.PlanAsync(new JobRequest(Strategies, marketData.Symbols, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), "bench"), CancellationToken.None);
        var runner = new ChunkRunner(marketData, ResiliencePipeline.Empty, cluster, TimeProvider.System);
        var outputs = new List<ChunkOutput>(plan.Chunks.Count);
        foreach (var chunk in plan.Chunks)
        {
            outputs.Add(await runner.RunAsync(chunk with { JobId = "bench" }, CancellationToken.None));
        }

        var job = new JobStatus("bench", JobState.Running, plan.Spec, plan.TaskCount, plan.TaskCount, 0, plan.Chunks.Count, plan.Chunks.Count, plan.Spec.SubmittedAt, null, plan.Notes, null);
        return await ResultsFileWriter.WriteAsync(
            _directory, job, JobState.Completed, plan.Spec.SubmittedAt, outputs.Select(o => (ReadOnlyMemory<byte>)o.TasksJson).ToAsyncEnumerable(), [.. outputs.Select(o => o.SummaryJson)], CancellationToken.None);
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
