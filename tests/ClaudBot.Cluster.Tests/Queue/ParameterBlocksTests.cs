using System.Text.Json;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Tests.Support;

namespace ClaudBot.Cluster.Tests.Queue;

/// <summary>A job's parameter sets are stored once for all its symbols; a chunk in the queue names its block.</summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class ParameterBlocksTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-blocks-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task ChunksNameTheirBlock_AndAWorkerGetsTheTextsBack_InTaskOrder()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string> { ["Cluster:ChunkSize"] = "4" });
        var db = cluster.Service<Redis.RedisConnection>().Database;
        var (id, plan) = await cluster.SubmitAsync("rsi(period=5..9),macd", "TCS,INFY,ITC");

        // 6 parameter sets in blocks of 4 and 2; three symbols each run both blocks.
        Assert.Equal([4, 2], plan.ParameterBlocks.Select(b => b.Count));
        Assert.Equal([0, 1, 0, 1, 0, 1], plan.Chunks.Select(c => c.ParameterBlock));
        var stored = new[] { await db.StringGetAsync(ClusterKeys.ParameterBlock(id, 0)), await db.StringGetAsync(ClusterKeys.ParameterBlock(id, 1)) };
        Assert.Equal(plan.ParameterBlocks.Select(b => b.ToArray()), stored.Select(e => JsonSerializer.Deserialize<string[]>(e.ToString())!));
        Assert.False(await db.KeyExistsAsync(ClusterKeys.ParameterBlock(id, 2)));
        for (int i = 0; i < plan.Chunks.Count; i++)
        {
            using var payload = JsonDocument.Parse(db.StringGet(ClusterKeys.Chunk(ClusterKeys.ChunkId(id, i))).ToString());
            Assert.Equal(0, payload.RootElement.GetProperty("strategies").GetArrayLength());
        }

        var queue = cluster.Service<WorkQueue>();
        var tasks = new SortedDictionary<int, string>();
        for (int i = 0; i < plan.Chunks.Count; i++)
        {
            var taken = (await queue.TakeAsync("worker-a", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), CancellationToken.None))!;
            var chunk = taken.Payload!;
            Assert.Equal(plan.Chunks[chunk.Index].Symbol, chunk.Symbol);
            for (int t = 0; t < chunk.Strategies.Count; t++)
            {
                tasks.Add(chunk.FirstTask + t, chunk.Strategies[t]);
            }
        }

        // Task N runs set N mod 6 on symbol N / 6, as the rows file reads them.
        var sets = plan.ParameterBlocks.SelectMany(b => b).ToArray();
        Assert.Equal(Enumerable.Range(0, 18), tasks.Keys);
        Assert.All(tasks, t => Assert.Equal(sets[t.Key % 6], t.Value));
        Assert.StartsWith("rsi(period=5", sets[0], StringComparison.Ordinal);
        Assert.StartsWith("macd", sets[5], StringComparison.Ordinal);

        // A chunk whose job's blocks are gone reads as gone, not as a chunk of no tasks.
        await db.KeyDeleteAsync(ClusterKeys.ParameterBlock(id, 1));
        Assert.Null(await new WorkQueue(cluster.Service<Redis.RedisConnection>(), TimeProvider.System).ReadPayloadAsync(ClusterKeys.ChunkId(id, 1)));
    }
}
