using System.Globalization;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Worker;
using ClaudBot.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>
/// Writes a results file the way the cluster does, minus Redis: the real planner splits the job into
/// chunks, the real chunk runner backtests them on the bundled data, the real store writer keeps them, and its export is the file returned.
/// Symbols listed as broken are run against a copy of their CSV with a bad row, so their tasks fail as
/// they would if the data changed after planning.
/// </summary>
internal static class RealResultsFile
{
    public static readonly TimeSpan Queued = TimeSpan.FromSeconds(1.5);
    public static readonly TimeSpan Run = TimeSpan.FromSeconds(2.75);

    public static async Task<string> WriteAsync(string scratch, string strategies, string symbols, int chunkSize, params string[] broken)
    {
        var plan = await PlanAsync(scratch, strategies, symbols, chunkSize);
        var marketData = RunStore(scratch, broken);
        var runner = new ChunkRunner(marketData, ResiliencePipeline.Empty, Options.Create(new ClusterOptions()), TimeProvider.System);
        string id = "job" + Guid.NewGuid().ToString("N")[..8];
        var outputs = new List<ChunkOutput>();
        foreach (var chunk in plan.Chunks)
        {
            outputs.Add(await runner.RunAsync(chunk with { JobId = id }, CancellationToken.None));
        }

        int failed = outputs.Sum(o => o.Failed);
        var started = plan.Spec.SubmittedAt + Queued;
        var job = new JobStatus(id, JobState.Running, plan.Spec, plan.TaskCount, plan.TaskCount - failed, failed, plan.Chunks.Count, plan.Chunks.Count, started, null, plan.Notes, null);
        var parameterSets = plan.Chunks.Where(c => c.Symbol == plan.Spec.Symbols[0]).SelectMany(c => c.Strategies).Select(ParameterSet.Of).ToList();
        var (stored, _) = await ResultsStoreWriter.WriteAsync(
            Path.Combine(scratch, "results"),
            job,
            failed > 0 ? JobState.CompletedWithErrors : JobState.Completed,
            started + Run,
            parameterSets,
            outputs.Select(o => (ReadOnlyMemory<byte>)o.Rows).ToAsyncEnumerable(),
            [.. outputs.Select(o => o.SummaryJson)],
            CancellationToken.None);

        // The JSON every reader of results takes: the export of the stored rows, as the API's full=1 sends it.
        string export = Path.Combine(Directory.CreateDirectory(Path.Combine(scratch, "export")).FullName, Path.GetFileName(stored));
        await using (var file = File.Create(export))
        {
            await ResultsExport.WriteAsync(stored, file, CancellationToken.None);
        }

        return export;
    }

    private static async Task<JobPlan> PlanAsync(string scratch, string strategies, string symbols, int chunkSize)
    {
        var settings = new Dictionary<string, string?> { ["Cluster:ChunkSize"] = chunkSize.ToString(CultureInfo.InvariantCulture) };
        using var services = TestServices.Build("127.0.0.1:1", scratch, settings);
        var request = new JobRequest(strategies, symbols.Split(','), new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31), "tester");
        return await services.GetRequiredService<JobPlanner>().PlanAsync(request, CancellationToken.None);
    }

    private static MarketDataStore RunStore(string scratch, string[] broken)
    {
        string data = Directory.CreateDirectory(Path.Combine(scratch, "run-data")).FullName;
        foreach (string csv in Directory.EnumerateFiles(TestServices.DataDirectory, "*.csv"))
        {
            File.Copy(csv, Path.Combine(data, Path.GetFileName(csv)), overwrite: true);
        }

        foreach (string symbol in broken)
        {
            string path = Path.Combine(data, symbol + ".csv");
            var lines = File.ReadAllLines(path);
            lines[2] = lines[2].Split(',')[0] + ",oops,1,1,1,1,0.0,0.0";
            File.WriteAllLines(path, lines);
        }

        var options = new MarketDataOptions { Directory = data, CacheDirectory = Path.Combine(scratch, "run-cache") };
        return new MarketDataStore(Options.Create(options), NullLogger<MarketDataStore>.Instance);
    }
}
