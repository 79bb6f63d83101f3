using ClaudBot.Cluster.Driver;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClaudBot.Cluster.Tests.Queue;

/// <summary>
/// Chunks are filed in the job's rows file as they land, so the queue server keeps only a mark for each; a driver that
/// starts on a part-filed job (it restarted) ranks the filed part again from the file and finishes the same job.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class ResultsFilingTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-filing-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private static readonly Dictionary<string, string> SmallChunks = new() { ["Cluster:ChunkSize"] = "2" };

    [Fact]
    public async Task ChunksLanded_AreFiled_TheQueueKeepsAMark_AndARestartedDriverFinishesTheSameRanking()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, SmallChunks);
        var db = cluster.Service<Redis.RedisConnection>().Database;
        using var filing = Filing(cluster);
        var (id, plan) = await cluster.SubmitAsync("rsi(period=5..9),macd", "TCS,INFY");
        Assert.Equal(6, plan.Chunks.Count);
        await RunAsync(cluster, 4);

        await filing.FileAsync(id, 1, CancellationToken.None);

        var results = await db.HashGetAllAsync(ClusterKeys.Results(id));
        Assert.Equal(4, results.Count(e => !e.Name.ToString().EndsWith(":s", StringComparison.Ordinal) && e.Value == "F"));
        Assert.Equal(4, await db.HashLengthAsync(ClusterKeys.Filed(id)));
        Assert.Equal(0, await db.ListLengthAsync(ClusterKeys.ToFile(id)));
        string partial = PartialRows.PathFor(Path.Combine(_scratch.FullName, "results", $"job_{id}.json"));
        Assert.True(File.Exists(partial));

        // The rest lands; a driver that knows nothing of the filing so far (a restart) finishes the job.
        await RunAsync(cluster, 2);
        Assert.True(await Finisher(cluster, Filing(cluster)).TryFinishAsync(id, CancellationToken.None));

        var job = (await cluster.Client.GetAsync(id, CancellationToken.None))!;
        Assert.Equal((JobState.Completed, 12), (job.State, job.TasksDone));
        Assert.False(File.Exists(partial));
        Assert.Equal(0, await db.KeyExistsAsync([ClusterKeys.Results(id), ClusterKeys.Filed(id), ClusterKeys.ToFile(id), ClusterKeys.Errors(id)]));
        var exported = ClusterHarness.ReadResults(job);
        Assert.Equal(Enumerable.Range(0, 12), exported.Select(r => r.GetProperty("index").GetInt32()));
        await using var export = ResultsExport.Open(job.ResultsFile!, CancellationToken.None);
        var ranked = await ResultsFileReader.ReadSummaryAsync(export, 12, CancellationToken.None);
        var stored = await StoredSummary.ReadAsync(job.ResultsFile!, 12, CancellationToken.None);
        Assert.Equal(ranked.Top.Select(r => (r.Index, r.Sharpe, r.StrategyText)), stored.Top.Select(r => (r.Index, r.Sharpe, r.StrategyText)));
        Assert.Equal(ranked.BestBySymbol.Select(r => r.Index), stored.BestBySymbol.Select(r => r.Index));
    }

    [Fact]
    public async Task PartialFileLostAfterFiling_ItsChunksTasksFailSayingSo_AndTheJobStillEnds()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, SmallChunks);
        using var filing = Filing(cluster);
        var (id, _) = await cluster.SubmitAsync("rsi(period=5..9),macd", "TCS,INFY");
        await RunAsync(cluster, 2);
        await filing.FileAsync(id, 1, CancellationToken.None);
        filing.Forget(id, deletePartial: true);

        await RunAsync(cluster, 4);
        Assert.True(await Finisher(cluster, Filing(cluster)).TryFinishAsync(id, CancellationToken.None));

        var job = (await cluster.Client.GetAsync(id, CancellationToken.None))!;
        var summary = await StoredSummary.ReadAsync(job.ResultsFile!, 20, CancellationToken.None);
        Assert.Equal(4, summary.FailuresTotal);
        Assert.All(summary.Failures, f => Assert.Contains("lost from the node's disk", f.Error, StringComparison.Ordinal));
        Assert.Equal([0, 1, 2, 3], summary.Failures.Select(f => f.Index));
        Assert.Equal(8, summary.Top.Count);
    }

    [Fact]
    public async Task FinishThatFailsAfterItsRowsFileIsInPlace_IsTriedAgain_WithNothingLost()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, SmallChunks);
        using var filing = Filing(cluster);
        var (id, _) = await cluster.SubmitAsync("rsi(period=5..9),macd", "TCS,INFY");
        await RunAsync(cluster, 4);
        await filing.FileAsync(id, 1, CancellationToken.None);
        await RunAsync(cluster, 2);

        // The JSON file cannot be put in place (a folder holds its name): the rows file already is.
        string json = Path.Combine(_scratch.FullName, "results", $"job_{id}.json");
        Directory.CreateDirectory(json);
        var finisher = Finisher(cluster, filing);
        await Assert.ThrowsAnyAsync<Exception>(() => finisher.TryFinishAsync(id, CancellationToken.None));
        Assert.True(File.Exists(RowsFile.PathFor(json)));

        Directory.Delete(json);
        Assert.True(await finisher.TryFinishAsync(id, CancellationToken.None));

        var job = (await cluster.Client.GetAsync(id, CancellationToken.None))!;
        var summary = await StoredSummary.ReadAsync(job.ResultsFile!, 20, CancellationToken.None);
        Assert.Equal((0, 12), (summary.FailuresTotal, summary.Top.Count));
        Assert.Equal(Enumerable.Range(0, 12), ClusterHarness.ReadResults(job).Select(r => r.GetProperty("index").GetInt32()));
    }

    private static ResultsFiling Filing(ClusterHarness cluster) =>
        new(cluster.Service<Redis.RedisConnection>(), cluster.Service<JobStore>(), cluster.Service<WorkQueue>(), cluster.Service<IOptions<ClusterOptions>>(), cluster.Service<IOptions<Redis.RedisOptions>>());

    private static JobFinisher Finisher(ClusterHarness cluster, ResultsFiling filing) => new(
        cluster.Service<Redis.RedisConnection>(),
        cluster.Service<JobStore>(),
        filing,
        new JobJournal(NullLogger<JobJournal>.Instance),
        new JobProgressMeter(cluster.Service<Cluster.Metrics.ClusterMetrics>()),
        cluster.Service<Cluster.WalkForward.WalkForwardReports>(),
        cluster.Service<IOptions<ClusterOptions>>(),
        cluster.Service<IOptions<Redis.RedisOptions>>(),
        TimeProvider.System,
        NullLogger<JobFinisher>.Instance);

    // Takes, runs and completes the next chunks of the queue in one worker, in queue order.
    private static async Task RunAsync(ClusterHarness cluster, int chunks)
    {
        var queue = cluster.Service<WorkQueue>();
        var runner = cluster.Service<ChunkRunner>();
        for (int i = 0; i < chunks; i++)
        {
            var taken = await queue.TakeAsync("worker-a", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), CancellationToken.None);
            var output = await runner.RunAsync(taken!.Payload!, CancellationToken.None);
            await queue.CompleteAsync("worker-a", taken.ChunkId, output.Rows, output.SummaryJson, output.Tasks, output.Failed);
        }
    }
}
