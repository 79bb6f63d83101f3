using System.Net.WebSockets;
using System.Text.Json;
using ClaudBot.Cluster.Worker;
using ClaudBot.Dashboard.Live;
using ClaudBot.Redis;

namespace ClaudBot.Dashboard.Tests;

/// <summary>/api/cluster shows each worker's live slots and marks dead ones as the CLI's status does.</summary>
[Trait("Category", "RealServer")]
public sealed class WorkerSlotsApiTests
{
    [Fact]
    public async Task AWorkerThatLostASlot_ShowsThreeOfFourLive_AndTheClisDeadNote()
    {
        await using var node = await DashboardNode.StartAsync(cluster: false);
        var beat = FakeWorkers.ThreeOfFourLive("ghost-a");
        await FakeWorkers.BeatAsync(node, beat);
        var now = DateTimeOffset.UtcNow;
        await FakeWorkers.BeatAsync(node, new WorkerHeartbeat("ghost-old", "box", 4243, 2, 0, now, now));

        var workers = (await node.GetJsonAsync("/api/cluster")).GetProperty("workers").EnumerateArray().ToDictionary(w => w.GetProperty("id").GetString()!);

        var lost = workers["ghost-a"];
        Assert.Equal((4, 3, 1, 1), (lost.GetProperty("slots").GetInt32(), lost.GetProperty("live_slots").GetInt32(), lost.GetProperty("dead_slots").GetInt32(), lost.GetProperty("busy").GetInt32()));
        Assert.Equal(WorkerHealth.Problem(beat, DateTimeOffset.UtcNow), lost.GetProperty("problem").GetString());
        Assert.Equal("1 of 4 slots DEAD", lost.GetProperty("problem").GetString());
        Assert.InRange(lost.GetProperty("queue_answer_age_seconds").GetDouble(), 0, 15);

        // A worker older than the live count: nothing is known dead (the API leaves nulls out).
        var old = workers["ghost-old"];
        Assert.Equal(0, old.GetProperty("dead_slots").GetInt32());
        Assert.Equal(["busy", "dead_slots", "heartbeat_age_seconds", "host", "id", "pid", "slots", "started_at"], old.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AHeartbeatThatDoesNotParse_DoesNotEndTheLiveEvents()
    {
        await using var node = await DashboardNode.StartAsync(cluster: false);
        using var socket = await node.ConnectSocketAsync();
        Assert.Equal("snapshot", (await SocketReader.ReadAsync(socket))?.GetProperty("type").GetString());
        // The hub's first poll (its first tick) sets the list that joins are told against.
        await Task.Delay(LiveHub.WorkerPoll);
        var db = node.Get<RedisConnection>().Database;
        await db.SetAddAsync("claudbot:workers", "garbled");
        await db.StringSetAsync("claudbot:worker:garbled", "{\"id\": \"garbled\", \"slots\": \"four\"}", TimeSpan.FromMinutes(5));

        // The hub polls the heartbeats every 2 s: let it meet the garbled one, then mend the queue.
        await Task.Delay(LiveHub.WorkerPoll * 2);
        await db.KeyDeleteAsync("claudbot:worker:garbled");
        await db.SetRemoveAsync("claudbot:workers", "garbled");
        await FakeWorkers.BeatAsync(node, FakeWorkers.ThreeOfFourLive("ghost-b"));

        var joined = await NextOfTypeAsync(socket, "worker_joined", TimeSpan.FromSeconds(10));
        Assert.Equal("ghost-b", joined.GetProperty("worker_id").GetString());
    }

    // The first message of <paramref name="type"/>; fails naming the types that came instead.
    private static async Task<JsonElement> NextOfTypeAsync(WebSocket socket, string type, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var others = new List<string>();
        while (clock.Elapsed < timeout)
        {
            JsonElement? message;
            try
            {
                message = await SocketReader.ReadAsync(socket, timeout - clock.Elapsed);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            string? got = message?.GetProperty("type").GetString();
            if (got == type)
            {
                return message!.Value;
            }

            others.Add(got ?? "(closed)");
            if (message is null)
            {
                break;
            }
        }

        throw new Xunit.Sdk.XunitException($"No {type} in {timeout.TotalSeconds} s; got [{string.Join(", ", others)}].");
    }
}
