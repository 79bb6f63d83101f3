using ClaudBot.Cluster.Driver;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Results;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Tests.Queue;

/// <summary>Once a job's results file is written, its per-chunk results leave the queue server; the job record stays.</summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class FinishedJobKeysTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-finished-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task FinishedJob_DropsItsChunkResultsFromTheQueue_AndAnswersFromTheFile()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName);
        var db = cluster.Service<Redis.RedisConnection>().Database;
        var (id, plan) = await cluster.SubmitAsync("rsi(period=5..9),macd", "TCS,INFY");
        var late = await RunAllAsync(cluster, plan.Chunks.Count);

        Assert.True(await Finisher(cluster).TryFinishAsync(id, CancellationToken.None));

        Assert.False(await db.KeyExistsAsync(ClusterKeys.Results(id)));
        Assert.False(await db.KeyExistsAsync(ClusterKeys.Deliveries(id)));
        Assert.Equal(0, await db.KeyExistsAsync([.. ClusterKeys.ChunkData(id, plan.Chunks.Count, 2)]));
        Assert.Equal(0, await db.KeyExistsAsync([.. Enumerable.Range(0, plan.Chunks.Count).Select(i => (StackExchange.Redis.RedisKey)ClusterKeys.Chunk(ClusterKeys.ChunkId(id, i)))]));
        var job = (await cluster.Client.GetAsync(id, CancellationToken.None))!;
        Assert.Equal((JobState.Completed, 12, 0, plan.Chunks.Count), (job.State, job.TasksDone, job.TasksFailed, job.ChunksDone));
        Assert.Contains(id, (await cluster.Client.ListAsync(0, 50, CancellationToken.None)).Select(j => j.Id));
        var summary = await StoredSummary.ReadAsync(job.ResultsFile!, 5, CancellationToken.None);
        Assert.Equal((id, 12, 5), (summary.Id, summary.TasksTotal, summary.Top.Count));
        Assert.Equal(12, ClusterHarness.ReadResults(job).Length);

        // A late duplicate of a chunk (its first lease lapsed) neither brings the results back nor counts twice.
        var stored = await cluster.Service<WorkQueue>().CompleteAsync("late", late.ChunkId, late.Output.Rows, late.Output.SummaryJson, late.Output.Tasks, late.Output.Failed);
        Assert.False(stored.Stored);
        Assert.False(await db.KeyExistsAsync(ClusterKeys.Results(id)));
        Assert.Equal(12, (await cluster.Client.GetAsync(id, CancellationToken.None))!.TasksDone);
    }

    internal static JobFinisher Finisher(ClusterHarness cluster) => new(
        cluster.Service<Redis.RedisConnection>(),
        cluster.Service<JobStore>(),
        new ResultsFiling(cluster.Service<Redis.RedisConnection>(), cluster.Service<JobStore>(), cluster.Service<WorkQueue>(), cluster.Service<IOptions<ClusterOptions>>(), cluster.Service<IOptions<Redis.RedisOptions>>()),
        new JobJournal(NullLogger<JobJournal>.Instance),
        new JobProgressMeter(cluster.Service<Cluster.Metrics.ClusterMetrics>()),
        cluster.Service<Cluster.WalkForward.WalkForwardReports>(),
        cluster.Service<IOptions<ClusterOptions>>(),
        cluster.Service<IOptions<Redis.RedisOptions>>(),
        TimeProvider.System,
        NullLogger<JobFinisher>.Instance);

    /// <summary>Takes and completes every chunk of the only queued job in one worker; returns the last chunk and its output.</summary>
    internal static async Task<(string ChunkId, ChunkOutput Output)> RunAllAsync(ClusterHarness cluster, int chunks)
    {
        var queue = cluster.Service<WorkQueue>();
        var runner = cluster.Service<ChunkRunner>();
        (string, ChunkOutput)? last = null;
        for (int i = 0; i < chunks; i++)
        {
            var taken = await queue.TakeAsync("worker-a", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), CancellationToken.None);
            var output = await runner.RunAsync(taken!.Payload!, CancellationToken.None);
            await queue.CompleteAsync("worker-a", taken.ChunkId, output.Rows, output.SummaryJson, output.Tasks, output.Failed);
            last = (taken.ChunkId, output);
        }

        return last!.Value;
    }
}
