using ClaudBot.Cluster.Notifications;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Schedules;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Redis;
using ClaudBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.Cluster.Tests.Schedules;

/// <summary>
/// Schedules firing on a fake clock against a real queue server (the embedded one, in this process) and the real
/// planner on the bundled data: the right instants, once each, with racing drivers, across a restart, and cancelled.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class ScheduleRunnerTests : IAsyncLifetime
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-schedules-");

    // Sunday 4 January 2026, noon IST: the bundled data runs to 23 January 2026.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 4, 12, 0, 0, Ist));
    private EmbeddedRedisServer _server = null!;
    private ServiceProvider _services = null!;

    private ScheduleStore Store => _services.GetRequiredService<ScheduleStore>();

    private JobStore Jobs => _services.GetRequiredService<JobStore>();

    public async Task InitializeAsync()
    {
        QuickRun.Refuse("the embedded queue server");
        var options = new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = Path.Combine(_folder.FullName, "redis") };
        _server = EmbeddedRedisServer.Start(options);
        _services = TestServices.Build($"127.0.0.1:{_server.Port}", _folder.FullName);
        await _services.GetRequiredService<RedisConnection>().ConnectAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task WeekdaySchedule_OverAWeek_FiresAtEachWeekday1800Ist_OnceEach()
    {
        var schedule = await AddAsync("TCS");
        var runner = Runner();

        var fired = await RunUntilAsync(new DateTimeOffset(2026, 1, 11, 12, 0, 0, Ist), runner);

        var weekdays = Enumerable.Range(5, 5).Select(day => new DateTimeOffset(2026, 1, day, 18, 0, 0, Ist)).ToList();
        Assert.Equal(weekdays, fired.Select(f => f.At));
        var jobs = await Jobs.ListAsync(0, 100, CancellationToken.None);
        Assert.Equal(5, jobs.Count);
        Assert.Equal(
            weekdays.Select(w => (DateOnly.FromDateTime(w.DateTime).AddYears(-1), DateOnly.FromDateTime(w.DateTime))).Reverse(),
            jobs.Select(j => (j.Spec.From, j.Spec.To)));
        Assert.All(jobs, j => Assert.DoesNotContain(j.Notes, n => n.Contains("missed", StringComparison.Ordinal)));
        var stored = await Store.GetAsync(schedule.Id, CancellationToken.None);
        Assert.Equal(weekdays[^1], stored!.LastOccurrence);
        Assert.Equal(fired[^1].JobId, stored.LastJobId);
    }

    [Fact]
    public async Task TwoDriversRacingOnOneClock_FireEachOccurrenceOnce()
    {
        await AddAsync("TCS");
        var first = Runner();
        var second = Runner();

        var fired = await RunUntilAsync(new DateTimeOffset(2026, 1, 11, 12, 0, 0, Ist), first, second);

        Assert.Equal(5, fired.Count);
        Assert.Equal(5, fired.Select(f => f.At).Distinct().Count());
        Assert.Equal(5, (await Jobs.ListAsync(0, 100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task DriverDownOverThreeOccurrences_FiresOnceOnRestart_WithANote_ThenKeepsTime()
    {
        var schedule = await AddAsync("TCS");

        // Monday's run, then the driver stops before Tuesday's.
        var monday = await RunUntilAsync(new DateTimeOffset(2026, 1, 5, 20, 0, 0, Ist), Runner());
        Assert.Single(monday);

        // Down over Tuesday, Wednesday and Thursday at 18:00; a new driver starts Thursday at 20:00.
        _time.SetUtcNow(new DateTimeOffset(2026, 1, 8, 20, 0, 0, Ist));
        var restarted = Runner();
        var atRestart = await restarted.TickAsync(CancellationToken.None);
        var again = await restarted.TickAsync(CancellationToken.None);

        var job = Assert.Single(atRestart);
        Assert.Empty(again);
        var status = await Jobs.GetAsync(job, CancellationToken.None);
        Assert.StartsWith("3 runs were missed", status!.Notes[0], StringComparison.Ordinal);
        Assert.Contains("2026-01-08 18:00", status.Notes[0], StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 1, 8), status.Spec.To);

        // Friday on time, with no note.
        var friday = await RunUntilAsync(new DateTimeOffset(2026, 1, 9, 20, 0, 0, Ist), restarted);
        var fridayJob = await Jobs.GetAsync(Assert.Single(friday).JobId, CancellationToken.None);
        Assert.DoesNotContain(fridayJob!.Notes, n => n.Contains("missed", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2026, 1, 9, 18, 0, 0, Ist), (await Store.GetAsync(schedule.Id, CancellationToken.None))!.LastOccurrence);
    }

    [Fact]
    public async Task Cancelled_StopsFiring_AndLeavesTheList()
    {
        var schedule = await AddAsync("TCS");
        var runner = Runner();
        Assert.Single(await RunUntilAsync(new DateTimeOffset(2026, 1, 5, 20, 0, 0, Ist), runner));

        Assert.True(await Store.CancelAsync(schedule.Id, CancellationToken.None));
        Assert.False(await Store.CancelAsync(schedule.Id, CancellationToken.None));

        Assert.Empty(await RunUntilAsync(new DateTimeOffset(2026, 1, 11, 12, 0, 0, Ist), runner));
        Assert.Empty(await Store.ListAsync(CancellationToken.None));
        Assert.Single(await Jobs.ListAsync(0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task AScheduleThatNoLongerPlans_RecordsItsError_AndDoesNotRetryTheSameOccurrence()
    {
        var schedule = await AddAsync("NOSUCHSYMBOL");
        var runner = Runner();

        var fired = await RunUntilAsync(new DateTimeOffset(2026, 1, 5, 23, 0, 0, Ist), runner);

        Assert.Empty(fired);
        Assert.Empty(await Jobs.ListAsync(0, 100, CancellationToken.None));
        var stored = await Store.GetAsync(schedule.Id, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 18, 0, 0, Ist), stored!.LastOccurrence);
        Assert.Null(stored.LastJobId);
        Assert.Contains("NOSUCHSYMBOL", stored.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', stored.LastError!);
    }

    [Fact]
    public async Task ScheduleWithNotify_EachFiredJobIsFollowedByThatChat_WithItsTop()
    {
        var asker = new JobFollower("telegram", "42", Top: 5);
        var schedule = await Store.AddAsync(
            new Schedule(string.Empty, "weekdays", "18:00", ScheduleRecurrence.DefaultTimeZone, new ScheduledRequest("rsi", ["TCS"], "last 1 year"), "tester", _time.GetUtcNow()) { Notify = [asker] },
            CancellationToken.None);

        var fired = await RunUntilAsync(new DateTimeOffset(2026, 1, 6, 20, 0, 0, Ist), Runner());

        var follows = await _services.GetRequiredService<JobFollows>().ListAsync("telegram", CancellationToken.None);
        Assert.Equal(fired.Select(f => f.JobId).Order(StringComparer.Ordinal), follows.Select(f => f.JobId).Order(StringComparer.Ordinal));
        Assert.All(follows, f => Assert.Equal(asker, f.Follower));
        Assert.Equal([asker], (await Store.GetAsync(schedule.Id, CancellationToken.None))!.Notify);
        Assert.Empty(await _services.GetRequiredService<JobFollows>().ListAsync("terminal", CancellationToken.None));
    }

    private ScheduleRunner Runner() => new(Store, _services.GetRequiredService<ClusterClient>(), _services.GetRequiredService<JobFollows>(), _time, NullLogger<ScheduleRunner>.Instance);

    private Task<Schedule> AddAsync(string symbol) => Store.AddAsync(
        new Schedule(string.Empty, "weekdays", "18:00", ScheduleRecurrence.DefaultTimeZone, new ScheduledRequest("rsi", [symbol], "last 1 year"), "tester", _time.GetUtcNow()),
        CancellationToken.None);

    /// <summary>Moves the clock in 15-minute steps to <paramref name="until"/>, every runner ticking at each step together.</summary>
    private async Task<List<(DateTimeOffset At, string JobId)>> RunUntilAsync(DateTimeOffset until, params ScheduleRunner[] runners)
    {
        var fired = new List<(DateTimeOffset, string)>();
        while (_time.GetUtcNow() < until)
        {
            _time.Advance(Step);
            var ticks = await Task.WhenAll(runners.Select(r => Task.Run(() => r.TickAsync(CancellationToken.None))));
            fired.AddRange(ticks.SelectMany(t => t).Select(id => (_time.GetUtcNow().ToOffset(Ist), id)));
        }

        return fired;
    }
}
