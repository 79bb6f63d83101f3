using ClaudBot.Cluster.Worker;
using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.Cluster.Tests.Worker;

/// <summary>What the status line says about a worker, read from its heartbeat on a fake clock.</summary>
public sealed class WorkerHealthTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void FreshBeat_AllSlotsLive_IsHealthy() =>
        Assert.Null(WorkerHealth.Problem(Beat(live: 4, busy: 0), _time.GetUtcNow()));

    [Fact]
    public void SlotLoopsEnded_AreShownDead_EvenWithAFreshHeartbeat() =>
        Assert.Equal("3 of 4 slots DEAD", WorkerHealth.Problem(Beat(live: 1, busy: 1), _time.GetUtcNow()));

    [Fact]
    public void Heartbeat_ExpiresAfterTheSilence_NotBefore()
    {
        var beat = Beat(live: 4, busy: 0);

        _time.Advance(WorkerHealth.Silence);
        Assert.Null(WorkerHealth.Problem(beat, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("no heartbeat for 31s", WorkerHealth.Problem(beat, _time.GetUtcNow()));
    }

    [Fact]
    public void IdleSlots_WithoutAQueueAnswer_AreShown_ButBusyOnesAreNot()
    {
        var lastAnswer = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(45));

        Assert.Equal("no answer from the queue for 45s", WorkerHealth.Problem(Beat(live: 4, busy: 2) with { LastActivityAt = lastAnswer }, _time.GetUtcNow()));
        Assert.Null(WorkerHealth.Problem(Beat(live: 4, busy: 4) with { LastActivityAt = lastAnswer }, _time.GetUtcNow()));
    }

    private WorkerHeartbeat Beat(int live, int busy) =>
        new("i7-1", "i7", 100, 4, busy, _time.GetUtcNow().AddHours(-1), _time.GetUtcNow(), live, _time.GetUtcNow());
}
