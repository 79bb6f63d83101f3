using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Worker;
using ClaudBot.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Xunit.Abstractions;

namespace ClaudBot.Cluster.Tests.Worker;

/// <summary>A worker runs a chunk only on the bars its planner fingerprinted.</summary>
public sealed class ChunkFingerprintTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateOnly From = new(2022, 1, 1);
    private static readonly DateOnly To = new(2023, 12, 31);
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-fingerprint-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private static MarketDataStore Store(string directory) =>
        new(Options.Create(new MarketDataOptions { Directory = directory, CacheDirectory = Path.Combine(directory, "cache") }), NullLogger<MarketDataStore>.Instance);

    private static ChunkRunner Runner(MarketDataStore store, FingerprintCache? cache = null) =>
        new(store, ResiliencePipeline.Empty, Options.Create(new ClusterOptions()), TimeProvider.System, fingerprints: cache);

    private async Task<JobPlan> PlanAsync(string data, string strategies = "rsi(period=7|14),buy_hold")
    {
        using var services = TestServices.Build("127.0.0.1:1", Path.Combine(_scratch.FullName, "planner"), new Dictionary<string, string?> { ["MarketData:Directory"] = data });
        var request = new JobRequest(strategies, ["TCS", "INFY"], From, To, "tester");
        return await services.GetRequiredService<JobPlanner>().PlanAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task Plan_RecordsEachSymbolsFingerprint_InTheSpecAndEveryChunk()
    {
        var plan = await PlanAsync(TestServices.DataDirectory);

        var tcs = (await Store(EditedData.Copy(Path.Combine(_scratch.FullName, "same"), "TCS")).LoadAsync("TCS")).Bars;
        Assert.Equal(["INFY", "TCS"], plan.Spec.DataFingerprints!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(DataFingerprint.OfBarsRead(tcs, From, To), plan.Spec.DataFingerprints["TCS"]);
        Assert.All(plan.Chunks, c => Assert.Equal(plan.Spec.DataFingerprints[c.Symbol], c.DataFingerprint));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(plan.Spec, ClusterJson.Default.JobSpec));
        Assert.Equal(plan.Spec.DataFingerprints["TCS"], json.RootElement.GetProperty("data_fingerprints").GetProperty("TCS").GetString());
    }

    [Fact]
    public async Task Chunk_OnAWorkerWithAChangedCloseInTheRange_FailsEveryTaskWithOneLineNamingBothFingerprints()
    {
        var plan = await PlanAsync(TestServices.DataDirectory);
        string data = EditedData.Copy(Path.Combine(_scratch.FullName, "worker"), "TCS", "INFY");
        EditedData.ChangeClose(data, "TCS", new DateOnly(2023, 3, 1));
        var store = Store(data);
        var chunk = plan.Chunks.Single(c => c.Symbol == "TCS");

        var run = await Runner(store).RunAsync(chunk, CancellationToken.None);

        string mine = DataFingerprint.OfBarsRead((await store.LoadAsync("TCS")).Bars, From, To);
        string expected = $"TCS: this worker's data ({mine}) differs from the planner's ({chunk.DataFingerprint}); run 'claudbot data push' or update the worker's data";
        Assert.NotEqual(mine, chunk.DataFingerprint);
        Assert.Equal((3, 3), (run.Tasks, run.Failed));
        Assert.Equal([$"3 tasks on TCS failed: {expected}"], run.Errors);
        var tasks = ChunkJson.Tasks(run, chunk);
        Assert.All(tasks, t => Assert.Equal(expected, t.GetProperty("error").GetString()));
        var infy = await Runner(store).RunAsync(plan.Chunks.Single(c => c.Symbol == "INFY"), CancellationToken.None);
        Assert.Equal((3, 0), (infy.Tasks, infy.Failed));
    }

    [Fact]
    public async Task Chunk_OnAWorkerWhoseDataDiffersOnlyAfterTheRange_Runs()
    {
        var plan = await PlanAsync(TestServices.DataDirectory);
        string data = EditedData.Copy(Path.Combine(_scratch.FullName, "later"), "TCS");
        EditedData.ChangeClose(data, "TCS", new DateOnly(2024, 6, 3));

        var run = await Runner(Store(data)).RunAsync(plan.Chunks.Single(c => c.Symbol == "TCS"), CancellationToken.None);

        Assert.Equal((3, 0), (run.Tasks, run.Failed));
    }

    [Fact]
    public async Task Chunk_WithoutAFingerprint_QueuedBeforeThem_RunsOnWhateverDataTheWorkerHas()
    {
        var plan = await PlanAsync(TestServices.DataDirectory);
        string data = EditedData.Copy(Path.Combine(_scratch.FullName, "old"), "TCS");
        EditedData.ChangeClose(data, "TCS", new DateOnly(2023, 3, 1));
        var chunk = plan.Chunks.Single(c => c.Symbol == "TCS") with { };
        var old = JsonSerializer.Deserialize(
            JsonSerializer.Serialize(chunk, ClusterJson.Default.ChunkPayload).Replace($",\"data_fingerprint\":\"{chunk.DataFingerprint}\"", string.Empty, StringComparison.Ordinal),
            ClusterJson.Default.ChunkPayload)!;

        var run = await Runner(Store(data)).RunAsync(old, CancellationToken.None);

        Assert.Null(old.DataFingerprint);
        Assert.Equal((3, 0), (run.Tasks, run.Failed));
    }

    [Fact]
    public async Task Fingerprint_IsComputedOncePerSeriesAndRange_NotPerChunkOfASweep()
    {
        var plan = await PlanAsync(TestServices.DataDirectory);
        var store = Store(EditedData.Copy(Path.Combine(_scratch.FullName, "sweep"), "TCS", "INFY"));
        var cache = new FingerprintCache();
        var runner = Runner(store, cache);
        var chunk = plan.Chunks.Single(c => c.Symbol == "TCS");

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(0, (await runner.RunAsync(chunk with { Index = i }, CancellationToken.None)).Failed);
        }

        Assert.Equal(1, cache.Computed);

        // The figures the report quotes: one hash of TCS's bars read, and a cached look-up.
        var bars = (await store.LoadAsync("TCS")).Bars;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 1000; i++)
        {
            DataFingerprint.OfBarsRead(bars, From, To);
        }

        double hash = clock.Elapsed.TotalMicroseconds / 1000;
        clock.Restart();
        for (int i = 0; i < 100_000; i++)
        {
            cache.Of(bars, From, To);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hash of {bars.Count} bars: {hash:F2} us; cached look-up: {clock.Elapsed.TotalMicroseconds / 100_000:F3} us"));

        // A whole chunk of the default size (300 backtests), checked and unchecked in turn (the box is shared), fastest of 10 each.
        var sweep = (await PlanAsync(TestServices.DataDirectory, "rsi(period=2..101, lower=20|25|30)")).Chunks.First(c => c.Symbol == "TCS");
        Assert.Equal(300, sweep.Strategies.Count);
        var (checkedMs, uncheckedMs) = (double.MaxValue, double.MaxValue);
        for (int i = 0; i < 10; i++)
        {
            checkedMs = Math.Min(checkedMs, await TimeAsync(runner, sweep));
            uncheckedMs = Math.Min(uncheckedMs, await TimeAsync(runner, sweep with { DataFingerprint = null }));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"300-backtest chunk: {checkedMs:F2} ms checked, {uncheckedMs:F2} ms unchecked"));
    }

    private static async Task<double> TimeAsync(ChunkRunner runner, ChunkPayload chunk)
    {
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, (await runner.RunAsync(chunk, CancellationToken.None)).Failed);
        return clock.Elapsed.TotalMilliseconds;
    }
}
