using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.FollowUps;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.Bot.Tests.FollowUps;

/// <summary>The per-chat memory of the last backtest: one per chat, forgotten after the window, bounded.</summary>
public sealed class RecentRequestsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void EachChat_HasItsOwnLastRequest_TheNewestReplacingTheOlder()
    {
        var recent = Recent();
        recent.Remember(Chat(1), Request("aaaaa1"));
        recent.Remember(Chat(1), Request("aaaaa2"));
        recent.Remember(Chat(2), Request("bbbbb1"));

        Assert.Equal("aaaaa2", recent.Last(Chat(1), out bool expired)?.JobId);
        Assert.False(expired);
        Assert.Equal("bbbbb1", recent.Last(Chat(2), out _)?.JobId);
        Assert.Null(recent.Last(Chat(3), out expired));
        Assert.False(expired);
    }

    [Fact]
    public void ARequest_IsForgottenOnceTheWindowHasPassed_AndSaysSoOnce()
    {
        var recent = Recent();
        recent.Remember(Chat(1), Request("aaaaa1"));

        _clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromTicks(1));
        Assert.NotNull(recent.Last(Chat(1), out _));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Null(recent.Last(Chat(1), out bool expired));
        Assert.True(expired);
        Assert.Null(recent.Last(Chat(1), out expired));
        Assert.False(expired);
    }

    [Fact]
    public void PastCapacity_ExpiredChatsAreDroppedFirst_ThenTheMemoryStartsAfresh()
    {
        var recent = Recent();
        for (int i = 0; i < RecentRequests.Capacity; i++)
        {
            recent.Remember(Chat(i), Request("old001"));
        }

        _clock.Advance(TimeSpan.FromHours(3));
        recent.Remember(Chat(-1), Request("new001"));
        for (int i = 1; i < RecentRequests.Capacity; i++)
        {
            recent.Remember(Chat(RecentRequests.Capacity + i), Request("new002"));
        }

        // Full again, of live chats only: one more chat clears them rather than grow.
        Assert.Equal("new002", recent.Last(Chat(RecentRequests.Capacity + 1), out _)?.JobId);
        recent.Remember(Chat(-2), Request("new003"));
        Assert.Equal("new003", recent.Last(Chat(-2), out _)?.JobId);
        Assert.Null(recent.Last(Chat(-1), out bool expired));
        Assert.False(expired);
    }

    private RecentRequests Recent() => new(_clock, Options.Create(new BotOptions()));

    private static ChatKey Chat(int n) => new("test", $"chat-{n}");

    private static LastRequest Request(string job) => new(
        new SlotValue("strategies", SlotType.Strategies, "rsi") { StrategyText = "rsi" },
        new SlotValue("symbols", SlotType.Symbols, "TCS") { Symbols = ["TCS"] },
        new SlotValue("period", SlotType.Period, "2023") { Period = new(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)) },
        null,
        job);
}
