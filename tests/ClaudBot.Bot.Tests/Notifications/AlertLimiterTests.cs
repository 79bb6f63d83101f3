using ClaudBot.Bot.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.Bot.Tests.Notifications;

public sealed class AlertLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Admit_LetsOnePerKindAndChatThroughPerWindow_AndCountsTheHeldIntoTheNext()
    {
        var limiter = new AlertLimiter(TimeSpan.FromMinutes(10), _clock);

        Assert.Equal("worker w1 lost", limiter.Admit("7001", AlertKind.WorkerLost, "worker w1 lost"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(limiter.Admit("7001", AlertKind.WorkerLost, "worker w2 lost"));
        _clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Null(limiter.Admit("7001", AlertKind.WorkerLost, "worker w3 lost"));

        // Another kind, and another chat, have windows of their own.
        Assert.Equal("job 9 failed", limiter.Admit("7001", AlertKind.JobFailed, "job 9 failed"));
        Assert.Equal("worker w3 lost", limiter.Admit("7002", AlertKind.WorkerLost, "worker w3 lost"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("worker w4 lost (and 2 more like it since 09:00 UTC)", limiter.Admit("7001", AlertKind.WorkerLost, "worker w4 lost"));
        Assert.Null(limiter.Admit("7001", AlertKind.WorkerLost, "worker w5 lost"));
    }

    [Fact]
    public void Admit_WithAZeroWindow_LetsEveryAlertThrough()
    {
        var limiter = new AlertLimiter(TimeSpan.Zero, _clock);

        Assert.Equal("a", limiter.Admit("7001", AlertKind.QueueServerLost, "a"));
        Assert.Equal("b", limiter.Admit("7001", AlertKind.QueueServerLost, "b"));
    }
}
