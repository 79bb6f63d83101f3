using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Status;
using ClaudBot.Cluster.Tests.Support;

namespace ClaudBot.Cluster.Tests.Status;

/// <summary>
/// A registered worker whose heartbeat does not parse (garbled, or another program's key on a shared queue) is named
/// as unreadable; the snapshot that status, monitor and the dashboard's /api/cluster read still comes back. It threw a
/// JsonException before, which failed `status` and made /api/cluster answer 500.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class UnreadableHeartbeatTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-beat-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task Snapshot_WithAGarbledHeartbeat_NamesTheWorker_AndStatusSaysSo()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName);
        var db = cluster.Service<Redis.RedisConnection>().Database;
        await db.SetAddAsync(ClusterKeys.Workers, "stranger:1");
        await db.StringSetAsync(ClusterKeys.Heartbeat("stranger:1"), "{\"id\": 42, \"slots\": \"many\"");
        try
        {
            var snapshot = await cluster.Client.SnapshotAsync(CancellationToken.None);

            Assert.Equal(["stranger:1"], snapshot.UnreadableWorkers);
            // Other tests in the collection may leave a live worker behind: only the stranger is judged here.
            Assert.DoesNotContain(snapshot.Workers, w => w.Id == "stranger:1");
            string text = NodeStatusText.Describe(new NodeStatus("node-a", [new("worker", 1, true)], snapshot, null, 0, 0, DateTimeOffset.UnixEpoch));
            Assert.Contains("  stranger:1" + new string(' ', 14) + " heartbeat unreadable (not a ClaudBot heartbeat: another program on this queue?)\n", text, StringComparison.Ordinal);
        }
        finally
        {
            // The server is shared by the collection: leave no stranger for the next test's snapshot.
            await db.SetRemoveAsync(ClusterKeys.Workers, "stranger:1");
            await db.KeyDeleteAsync(ClusterKeys.Heartbeat("stranger:1"));
        }
    }
}
