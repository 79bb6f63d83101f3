using System.Text.Json;
using ClaudBot.Cluster.Worker;
using ClaudBot.Redis;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// Heartbeats written into a node's queue as a worker writes them (its key in <c>claudbot:workers</c>, the beat as
/// snake_case JSON under <c>claudbot:worker:ID</c>), for states a real worker rarely shows: slots that died.
/// </summary>
internal static class FakeWorkers
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task BeatAsync(DashboardNode node, WorkerHeartbeat beat)
    {
        var db = node.Get<RedisConnection>().Database;
        await db.SetAddAsync("claudbot:workers", beat.Id);
        await db.StringSetAsync("claudbot:worker:" + beat.Id, JsonSerializer.Serialize(beat, Json), TimeSpan.FromMinutes(5));
    }

    /// <summary>A worker with 4 slots, 3 of them still running, 1 busy, that heard from the queue just now.</summary>
    public static WorkerHeartbeat ThreeOfFourLive(string id)
    {
        var now = DateTimeOffset.UtcNow;
        return new WorkerHeartbeat(id, "box", 4242, 4, 1, now.AddMinutes(-5), now, Live: 3, LastActivityAt: now);
    }
}
