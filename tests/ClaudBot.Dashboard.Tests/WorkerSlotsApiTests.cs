using ClaudBot.Cluster.Worker;

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
}
