using ClaudBot.Bot.FollowUps;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests.FollowUps;

/// <summary>A follow-up made whole from the shipped catalogue's readings: what changes, what is kept, what is refused.</summary>
public sealed class FollowUpRequestTests
{
    [Fact]
    public async Task AParameter_GoesToEveryStrategyThatHasIt_TheRestKept()
    {
        await using var bot = await StartAsync();
        var request = Build(bot, "backtest rsi,macd,bollinger on TCS 2023", "and with period 10");

        Assert.Null(request.Error);
        Assert.Equal("Same as before with period=10: rsi(period=10),macd,bollinger(period=10) on TCS, 2023-01-01 to 2023-12-31.", request.Echo);
        var submit = request.Submit!;
        Assert.Equal("submit_cluster_job", submit.Intent);
        Assert.True(submit.IsActionable);
        Assert.Equal(["rsi(period=10)", "macd", "bollinger(period=10)"], submit.Slots["strategies"].Strategies!.Select(s => s.ToShortString()));
        Assert.Equal(["TCS"], submit.Slots["symbols"].Symbols);
        Assert.Equal(new(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)), submit.Slots["period"].Period);
    }

    [Fact]
    public async Task NewStrategiesAndSymbols_ReplaceTheOld_WithTheAliasNotesKept()
    {
        await using var bot = await StartAsync();
        var strategies = Build(bot, "backtest rsi(period=10) on TCS 2023", "do the same with bollinger on HDFC");

        Assert.Equal("Same as before with bollinger, HDFCBANK: bollinger on HDFCBANK, 2023-01-01 to 2023-12-31.", strategies.Echo);
        Assert.Contains(strategies.Submit!.Notes, n => n.Contains("HDFCBANK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AParameterOnAWrittenRule_OrOneThatBreaksAStrategysRule_IsRefusedInOneLine()
    {
        await using var bot = await StartAsync();
        var rule = Build(bot, "backtest buy when rsi(2) < 10, sell when rsi(2) > 70 on TCS 2023", "and with period 10");
        Assert.Null(rule.Submit);
        Assert.Equal(
            "The last request ran a written rule (buy when rsi(2) < 10, sell when rsi(2) > 70): its numbers are written in it, so say the rule again with the new ones.",
            rule.Error);

        var broken = Build(bot, "backtest sma_cross on TCS 2023", "and with fast 300");
        Assert.Null(broken.Submit);
        Assert.Equal(
            "'sma_cross(fast=300)': no valid combination (fast (300) must be below slow (200)). sma_cross takes fast, slow; every strategy also takes stop, target, trail.",
            broken.Error);
    }

    private static FollowUpRequest Build(BotHarness bot, string backtest, string followUp)
    {
        var matcher = bot.Get<IntentMatcher>();
        var today = new DateOnly(2026, 11, 29);
        var first = matcher.Match(backtest, today);
        Assert.True(first.IsActionable, first.Error);
        var said = matcher.Match(followUp, today);
        Assert.Equal("follow_up", said.Intent);
        var last = new LastRequest(first.Slots["strategies"], first.Slots["symbols"], first.Slots["period"], first.Slots.GetValueOrDefault("execution"), "abc123");
        return FollowUpRequest.Build(last, said, bot.Get<IntentCatalog>().Aliases);
    }
}
