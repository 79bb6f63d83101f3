using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Worker;

namespace ClaudBot.Cluster.Tests.Queue;

/// <summary>The same chunk delivered and run twice leaves one result, byte-identical to either run.</summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class ExactlyOnceTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-once-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task ChunkCompletedTwice_StoresOneResult_ByteIdentical()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName);
        var queue = cluster.Service<WorkQueue>();
        var runner = cluster.Service<ChunkRunner>();
        var (id, _) = await cluster.SubmitAsync("rsi(period=5..9),macd", "TCS");

        var first = await queue.TakeAsync("worker-a", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), CancellationToken.None);
        await queue.HandBackAsync("worker-a", first!.ChunkId); // as if its lease lapsed: the chunk is delivered again
        var second = await queue.TakeAsync("worker-b", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), CancellationToken.None);
        var runA = await runner.RunAsync(first.Payload!, CancellationToken.None);
        var runB = await runner.RunAsync(second!.Payload!, CancellationToken.None);
        var storedB = await queue.CompleteAsync("worker-b", second.ChunkId, runB.Rows, runB.SummaryJson, runB.Tasks, runB.Failed);
        var storedA = await queue.CompleteAsync("worker-a", first.ChunkId, runA.Rows, runA.SummaryJson, runA.Tasks, runA.Failed);

        Assert.Equal(first.ChunkId, second.ChunkId);
        Assert.Equal(runA.Rows, runB.Rows);
        Assert.True(storedB.Stored);
        Assert.False(storedA.Stored);
        Assert.Equal((1, 6), (storedA.ChunksDone, storedA.TasksDone));
        var stored = await cluster.Service<Redis.RedisConnection>().Database.HashGetAsync(ClusterKeys.Results(id), 0);
        Assert.Equal(runB.Rows, (byte[])stored!);
        var job = (await cluster.Client.GetAsync(id, CancellationToken.None))!;
        Assert.Equal((6, 0, 1), (job.TasksDone, job.TasksFailed, job.ChunksDone));
    }

    [Fact]
    public async Task CompletionRacingTheReaper_IsCountedOnce_AndNeverRequeuedOrFailed()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName);
        var queue = cluster.Service<WorkQueue>();
        var db = cluster.Service<Redis.RedisConnection>().Database;
        var (id, _) = await cluster.SubmitAsync("rsi", "TCS");
        var taken = await queue.TakeAsync("slow", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), CancellationToken.None);
        var output = await cluster.Service<ChunkRunner>().RunAsync(taken!.Payload!, CancellationToken.None);

        // The lease lapses just as the worker finishes: the result lands first, the reaper comes second.
        await db.KeyDeleteAsync(ClusterKeys.Lease(taken.ChunkId));
        var completed = await queue.CompleteAsync("slow", taken.ChunkId, output.Rows, output.SummaryJson, output.Tasks, output.Failed);
        string reaped = await queue.RequeueAsync("slow", taken.ChunkId, maxDeliveries: 1);

        Assert.True(completed.Stored);
        Assert.Equal("gone", reaped);
        Assert.DoesNotContain(taken.ChunkId, (await db.ListRangeAsync(ClusterKeys.Queue)).Select(v => v.ToString()));
        Assert.Equal(0, await db.HashLengthAsync(ClusterKeys.Deliveries(id)));
        var job = (await cluster.Client.GetAsync(id, CancellationToken.None))!;
        Assert.Equal((1, 0, 1), (job.TasksDone, job.TasksFailed, job.ChunksDone));
    }

    [Fact]
    public async Task ReaperSeeingAStoredResultInAProcessingList_DropsItAsDone()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName);
        var queue = cluster.Service<WorkQueue>();
        var db = cluster.Service<Redis.RedisConnection>().Database;
        var (id, _) = await cluster.SubmitAsync("rsi", "TCS");
        var taken = await queue.TakeAsync("first", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), CancellationToken.None);
        var output = await cluster.Service<ChunkRunner>().RunAsync(taken!.Payload!, CancellationToken.None);
        await queue.CompleteAsync("first", taken.ChunkId, output.Rows, output.SummaryJson, output.Tasks, output.Failed);

        // A copy of the chunk left in another worker's processing list (a redelivery that died) with no lease.
        await db.ListRightPushAsync(ClusterKeys.Processing("second"), taken.ChunkId);
        string reaped = await queue.RequeueAsync("second", taken.ChunkId, maxDeliveries: 1);

        Assert.Equal("done", reaped);
        Assert.Equal(0, await db.ListLengthAsync(ClusterKeys.Processing("second")));
        Assert.DoesNotContain(taken.ChunkId, (await db.ListRangeAsync(ClusterKeys.Queue)).Select(v => v.ToString()));
        Assert.Equal(1, (await cluster.Client.GetAsync(id, CancellationToken.None))!.TasksDone);
    }
}
