using ClaudBot.Cluster.Driver;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Metrics;
using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;
using ClaudBot.Testing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Tests.Metrics;

/// <summary>
/// The driver's counts as <see cref="ClusterMetrics"/> publishes them: progress counted once from the stored counts
/// (failed tasks apart), a resumed job counted from where this driver found it, lease outcomes, and a queue server that
/// is away leaving the gauges out rather than failing.
/// </summary>
public sealed class ClusterMetricsTests : IAsyncDisposable
{
    private static readonly JobSpec Spec = new("rsi,macd", ["TCS", "INFY"], new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31), 10, "tester", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    // Nothing listens on this port: the queue server is away.
    private readonly RedisConnection _redis = new(Options.Create(new RedisOptions { ConnectionString = $"127.0.0.1:{TestPorts.Free()}", ConnectTimeout = TimeSpan.FromSeconds(1) }));
    private readonly ClusterMetrics _metrics;

    public ClusterMetricsTests() => _metrics = new ClusterMetrics(new JobStore(_redis, TimeProvider.System), TimeProvider.System);

    [Fact]
    public void Progress_IsCountedOnceFromTheStoredCounts_FailedApart_AndTheFinishByState()
    {
        var meter = new JobProgressMeter(_metrics);
        meter.Observe(Job("a", chunks: 0, done: 0, failed: 0), resumed: false);
        meter.Observe(Job("a", chunks: 1, done: 2, failed: 0), resumed: false);
        meter.Observe(Job("a", chunks: 1, done: 2, failed: 0), resumed: false); // seen again by the next sweep: nothing new
        meter.Finished(Job("a", chunks: 2, done: 3, failed: 1), JobState.CompletedWithErrors);

        var read = MeterReading.Read(_metrics.Meter);
        Assert.Equal(2, read["claudbot.chunks.completed"]);
        Assert.Equal(3, read["claudbot.backtests.completed|outcome=done"]);
        Assert.Equal(1, read["claudbot.backtests.completed|outcome=failed"]);
        Assert.Equal(1, read["claudbot.jobs.finished|state=completed_with_errors"]);
        Assert.Equal(0, read["claudbot.jobs.finished|state=completed"]);
    }

    [Fact]
    public void AResumedJob_IsCountedFromWhereThisDriverFoundIt_AndAJobFirstSeenLaterFromZero()
    {
        var meter = new JobProgressMeter(_metrics);
        meter.Observe(Job("old", chunks: 3, done: 30, failed: 0), resumed: true);
        meter.Observe(Job("old", chunks: 4, done: 40, failed: 0), resumed: false);
        meter.Observe(Job("new", chunks: 1, done: 5, failed: 0), resumed: false);

        var read = MeterReading.Read(_metrics.Meter);
        Assert.Equal(2, read["claudbot.chunks.completed"]);
        Assert.Equal(15, read["claudbot.backtests.completed|outcome=done"]);
    }

    [Fact]
    public void LeaseOutcomes_CountExpiries_AndRequeuesAsRedeliveries_NotLeasesThatHeld()
    {
        foreach (string outcome in (string[])["requeued", "exhausted", "done", "leased", "gone", "requeued"])
        {
            _metrics.LeaseLapsed(outcome);
        }

        var read = MeterReading.Read(_metrics.Meter);
        Assert.Equal(4, read["claudbot.chunks.lease_expiries"]);
        Assert.Equal(2, read["claudbot.chunks.redeliveries"]);
    }

    [Fact]
    public async Task WithTheQueueServerAway_RefreshSaysSo_AndTheGaugesAreLeftOut_TheCountersStay()
    {
        Assert.False(await _metrics.RefreshAsync(CancellationToken.None));

        var read = MeterReading.Read(_metrics.Meter);
        Assert.DoesNotContain(read.Keys, k => k.StartsWith("claudbot.jobs|", StringComparison.Ordinal) || k.StartsWith("claudbot.worker", StringComparison.Ordinal) || k == "claudbot.queue.chunks");
        Assert.Equal(0, read["claudbot.chunks.completed"]);
    }

    public async ValueTask DisposeAsync()
    {
        _metrics.Dispose();
        await _redis.DisposeAsync();
    }

    private static JobStatus Job(string id, int chunks, int done, int failed) =>
        new(id, JobState.Running, Spec, 4, done, failed, 2, chunks, Spec.SubmittedAt, null, [], null);
}
