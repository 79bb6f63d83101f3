using System.Text.Json;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Worker;
using ClaudBot.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace ClaudBot.Cluster.Tests.Results.Store;

/// <summary>
/// A job through the real pieces, minus Redis: the planner, the chunk runner on the bundled data, the store writer and
/// the export; and hand-made jobs for what a real run cannot give (a chunk of an older worker, a count that does not match).
/// </summary>
internal static class StoreRun
{
    public static readonly DateOnly From = new(2022, 1, 1);
    public static readonly DateOnly To = new(2024, 12, 31);

    public static MarketDataStore Data(string scratch) =>
        new(Options.Create(new MarketDataOptions { Directory = TestServices.DataDirectory, CacheDirectory = Path.Combine(scratch, "data-cache") }), NullLogger<MarketDataStore>.Instance);

    public static ChunkRunner Runner(MarketDataStore data) => new(data, ResiliencePipeline.Empty, Options.Create(new ClusterOptions()), TimeProvider.System);

    public static async Task<JobPlan> PlanAsync(string scratch, string strategies, string symbols, ExecutionChoice? execution = null, int chunkSize = 50)
    {
        var settings = new Dictionary<string, string?> { ["Cluster:ChunkSize"] = chunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        using var services = TestServices.Build("127.0.0.1:1", scratch, settings);
        var request = new JobRequest(strategies, symbols.Split(','), From, To, "tester") { Execution = execution };
        return await services.GetRequiredService<JobPlanner>().PlanAsync(request, CancellationToken.None);
    }

    public static async Task<List<ChunkOutput>> RunAsync(MarketDataStore data, JobPlan plan, string id)
    {
        var runner = Runner(data);
        var outputs = new List<ChunkOutput>();
        foreach (var chunk in plan.Chunks)
        {
            outputs.Add(await runner.RunAsync(chunk with { JobId = id }, CancellationToken.None));
        }

        return outputs;
    }

    /// <summary>The parameter sets of a plan, as the driver takes them: the first symbol's chunks' strategies in order.</summary>
    public static List<ParameterSet> ParameterSets(JobPlan plan) =>
        [.. plan.Chunks.Where(c => c.Symbol == plan.Spec.Symbols[0]).SelectMany(c => c.Strategies).Select(ParameterSet.Of)];

    public static JobStatus Status(string id, JobSpec spec, int tasks, int failed) =>
        new(id, JobState.Running, spec, tasks, tasks - failed, failed, 1, 1, spec.SubmittedAt.AddSeconds(1), null, [], null);

    public static JobSpec Spec(string strategies, params string[] symbols) =>
        new(strategies, symbols, From, To, 10, "tester", new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero));

    /// <summary>A plan run and stored: the results file (<c>job_&lt;id&gt;.json</c>) and the summary the writer returned.</summary>
    public static async Task<(string Path, ResultsSummary Summary, List<ChunkOutput> Outputs)> StoreAsync(string scratch, MarketDataStore data, JobPlan plan)
    {
        string id = "job" + Guid.NewGuid().ToString("N")[..8];
        var outputs = await RunAsync(data, plan, id);
        int failed = outputs.Sum(o => o.Failed);
        var job = new JobStatus(id, JobState.Running, plan.Spec, plan.TaskCount, plan.TaskCount - failed, failed, plan.Chunks.Count, plan.Chunks.Count, plan.Spec.SubmittedAt.AddSeconds(2), null, plan.Notes, null);
        var (path, summary) = await WriteAsync(Path.Combine(scratch, "results"), job, ParameterSets(plan), [.. outputs.Select(o => o.Rows)], [.. outputs.Select(o => o.SummaryJson)]);
        return (path, summary, outputs);
    }

    public static Task<(string Path, ResultsSummary Summary)> WriteAsync(string directory, JobStatus job, IReadOnlyList<ParameterSet> parameterSets, IReadOnlyList<byte[]> chunks, IReadOnlyList<string> summaries) =>
        ResultsStoreWriter.WriteAsync(
            directory,
            job,
            job.TasksFailed > 0 ? JobState.CompletedWithErrors : JobState.Completed,
            job.StartedAt!.Value.AddSeconds(3),
            parameterSets,
            chunks.Select(c => (ReadOnlyMemory<byte>)c).ToAsyncEnumerable(),
            summaries,
            CancellationToken.None);

    public static async Task<byte[]> ExportAsync(string resultsFile)
    {
        using var output = new MemoryStream();
        await ResultsExport.WriteAsync(resultsFile, output, CancellationToken.None);
        return output.ToArray();
    }

    /// <summary>The <c>results</c> elements of an export.</summary>
    public static JsonElement[] Results(byte[] export) =>
        [.. JsonDocument.Parse(export).RootElement.GetProperty("results").EnumerateArray()];

    public static string Summary(string symbol, int tasks, int failed) =>
        $$"""{"symbol":"{{symbol}}","tasks":{{tasks}},"failed":{{failed}}}""";
}
