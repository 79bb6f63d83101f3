using ClaudBot.Cluster.Driver;
using ClaudBot.Cluster.Queue;
using ClaudBot.Redis;
using ClaudBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.Cluster.Tests.Queue;

/// <summary>
/// The reaper and lease renewal on a fake clock, against the embedded server in this process (no child processes):
/// a lapsed lease is a missing key, as after its PX ran out.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class ReaperTests : IAsyncLifetime
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-reaper-");
    private readonly FakeTimeProvider _time = new();
    private readonly string _job = "r" + Guid.NewGuid().ToString("N")[..8];
    private EmbeddedRedisServer _server = null!;
    private WorkQueue _queue = null!;

    // A property, not a field: DisposeAsync disposes it (xunit's lifetime, not IDisposable).
    private RedisConnection Redis { get; set; } = null!;

    public async Task InitializeAsync()
    {
        QuickRun.Refuse("the embedded queue server");
        var options = new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName };
        _server = EmbeddedRedisServer.Start(options);
        Redis = new RedisConnection(Options.Create(options));
        await Redis.ConnectAsync(CancellationToken.None);
        _queue = new WorkQueue(Redis, _time);
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        await _server.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task UnleasedChunk_IsRequeued_OnlyAfterHalfAVisibilityTimeoutWithoutALease()
    {
        string chunk = await InFlightAsync("dead", leased: false);
        var reaper = Reaper(maxDeliveries: 5);

        await reaper.SweepAsync();
        _time.Advance(Visibility / 2 - TimeSpan.FromMilliseconds(1));
        await reaper.SweepAsync();
        Assert.Equal([chunk], await ProcessingAsync("dead"));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var exhausted = await reaper.SweepAsync();

        Assert.Empty(exhausted);
        Assert.Empty(await ProcessingAsync("dead"));
        Assert.Contains(chunk, (await Redis.Database.ListRangeAsync(ClusterKeys.Queue)).Select(v => v.ToString()));
    }

    [Fact]
    public async Task LeasedChunk_IsNeverRequeued_HoweverLongTheClockRuns()
    {
        string chunk = await InFlightAsync("alive", leased: true);
        var reaper = Reaper(maxDeliveries: 5);

        for (int i = 0; i < 10; i++)
        {
            await reaper.SweepAsync();
            _time.Advance(Visibility);
        }

        Assert.Equal([chunk], await ProcessingAsync("alive"));
    }

    [Fact]
    public async Task ChunkOutOfDeliveries_IsReturnedToBeFailed_NotRequeued()
    {
        string chunk = await InFlightAsync("killer", leased: false);
        var reaper = Reaper(maxDeliveries: 1);

        await reaper.SweepAsync();
        _time.Advance(Visibility);
        var exhausted = await reaper.SweepAsync();

        Assert.Equal([("killer", chunk)], exhausted);
        Assert.DoesNotContain(chunk, (await Redis.Database.ListRangeAsync(ClusterKeys.Queue)).Select(v => v.ToString()));
    }

    [Fact]
    public async Task Renew_OfALeaseThatLapsedWhileTheChunkIsStillTheWorkers_TakesItAgain_SoTheReaperLeavesIt()
    {
        string chunk = await InFlightAsync("outage", leased: false);
        var reaper = Reaper(maxDeliveries: 5);
        await reaper.SweepAsync();

        var renewed = await _queue.RenewAsync("outage", chunk, Visibility);
        _time.Advance(Visibility);
        await reaper.SweepAsync();

        Assert.Equal(LeaseRenewal.Retaken, renewed);
        Assert.Equal(LeaseRenewal.Held, await _queue.RenewAsync("outage", chunk, Visibility));
        Assert.Equal(LeaseRenewal.Lost, await _queue.RenewAsync("intruder", chunk, Visibility));
        Assert.Equal([chunk], await ProcessingAsync("outage"));
    }

    [Fact]
    public async Task Renew_AfterTheReaperTookTheChunkBack_IsLost_AndTakesNothing()
    {
        string chunk = await InFlightAsync("late", leased: false);
        var reaper = Reaper(maxDeliveries: 5);
        await reaper.SweepAsync();
        _time.Advance(Visibility);
        await reaper.SweepAsync();

        Assert.Equal(LeaseRenewal.Lost, await _queue.RenewAsync("late", chunk, Visibility));
        Assert.False(await Redis.Database.KeyExistsAsync(ClusterKeys.Lease(chunk)));
    }

    private Reaper Reaper(int maxDeliveries) =>
        new(_queue, new Cluster.Metrics.ClusterMetrics(new JobStore(Redis, _time), _time), Options.Create(new ClusterOptions { VisibilityTimeout = Visibility, MaxDeliveries = maxDeliveries }), _time, NullLogger<Reaper>.Instance);

    private async Task<string> InFlightAsync(string worker, bool leased)
    {
        string chunk = $"{_job}-{worker}:0";
        await Redis.Database.SetAddAsync(ClusterKeys.Workers, worker);
        await Redis.Database.ListRightPushAsync(ClusterKeys.Processing(worker), chunk);
        if (leased)
        {
            await Redis.Database.StringSetAsync(ClusterKeys.Lease(chunk), worker, TimeSpan.FromMinutes(5));
        }

        return chunk;
    }

    private async Task<string[]> ProcessingAsync(string worker) =>
        [.. (await Redis.Database.ListRangeAsync(ClusterKeys.Processing(worker))).Select(v => v.ToString())];
}
