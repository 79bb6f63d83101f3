using ClaudBot.Bot.Notifications;

namespace ClaudBot.Bot.Tests.Notifications;

/// <summary>
/// The watch over a real local node (embedded queue server, driver, worker), its alerts on a fake clock: the queue
/// server lost and back, told once each, then held within the window and counted into the next.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class ClusterWatchTests
{
    [Fact]
    public async Task QueueServerLostAndBack_IsToldToSubscribedChatsOnly_RateLimitedPerKindOnTheFakeClock()
    {
        await using var bot = await BotHarness.StartAsync(fakeClock: true);
        var clock = bot.Clock!;
        var watch = bot.Get<ClusterWatch>();
        Assert.Contains("Cluster started", BotHarness.Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
        Assert.StartsWith("Subscribed:", BotHarness.Text(await bot.SayAsync("tell me when jobs finish")), StringComparison.Ordinal);
        Assert.StartsWith("Already subscribed:", BotHarness.Text(await bot.SayAsync("subscribe")), StringComparison.Ordinal);
        Assert.StartsWith("Subscribed:", BotHarness.Text(await bot.SayAsync("notify me when jobs end", chat: "chat-2")), StringComparison.Ordinal);
        Assert.StartsWith("Unsubscribed:", BotHarness.Text(await bot.SayAsync("stop telling me when jobs finish", chat: "chat-2")), StringComparison.Ordinal);
        Assert.Empty(await watch.PollAsync("test", CancellationToken.None));

        await bot.Target.StopAsync(CancellationToken.None);
        var lost = Assert.Single(await watch.PollAsync("test", CancellationToken.None));
        Assert.Equal(("chat-1", AlertKind.QueueServerLost), (lost.Chat, lost.Alert));
        Assert.StartsWith("The cluster's queue server cannot be reached", lost.Text, StringComparison.Ordinal);
        Assert.Empty(await watch.PollAsync("test", CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(2));
        await bot.Target.StartAsync(CancellationToken.None);
        var back = Assert.Single(await watch.PollAsync("test", CancellationToken.None));
        Assert.Equal(AlertKind.QueueServerBack, back.Alert);
        Assert.Equal("The cluster's queue server answers again (it was away 2 min 0 s).", back.Text);

        // Lost and back again within ten minutes of the first: both held, and counted.
        await bot.Target.StopAsync(CancellationToken.None);
        Assert.Empty(await watch.PollAsync("test", CancellationToken.None));
        await bot.Target.StartAsync(CancellationToken.None);
        Assert.Empty(await watch.PollAsync("test", CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(10));
        await bot.Target.StopAsync(CancellationToken.None);
        var later = Assert.Single(await watch.PollAsync("test", CancellationToken.None));
        Assert.EndsWith("(and 1 more like it since 09:00 UTC)", later.Text, StringComparison.Ordinal);
    }
}
