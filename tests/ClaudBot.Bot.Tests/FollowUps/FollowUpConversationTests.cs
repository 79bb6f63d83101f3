using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests.FollowUps;

/// <summary>
/// Follow-ups on the local target: the chat's last backtest again with only what was said changed, echoed in one line,
/// queued through the same submit; nothing to follow asks "Same as what?"; another chat's request is never reused.
/// </summary>
public sealed class FollowUpConversationTests
{
    private const string SameAsWhat = "Same as what? Nothing was run in this chat yet — e.g. backtest rsi on TCS last year.";

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task EachFollowUp_ChangesOnlyWhatWasSaid_EchoesIt_AndQueuesTheWholeRequest()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");
        Assert.NotNull((await bot.SayAsync("backtest rsi on TCS 2022-2024")).FollowJob);

        var infy = await bot.SayAsync("now the same for INFY");
        Assert.Equal("Same as before with INFY: rsi on INFY, 2022-01-01 to 2024-12-31.", First(infy));
        Assert.Equal($"Job {infy.FollowJob} queued: 1 backtest (rsi on INFY, 2022-01-01 to 2024-12-31, cost 10 bps).", Second(infy));
        await AssertSpecAsync(bot, infy, "rsi", ["INFY"], "2022-01-01", "2024-12-31");

        var year = await bot.SayAsync("what about 2023");
        Assert.Equal("Same as before with 2023-01-01 to 2023-12-31: rsi on INFY, 2023-01-01 to 2023-12-31.", First(year));
        await AssertSpecAsync(bot, year, "rsi", ["INFY"], "2023-01-01", "2023-12-31");

        var period = await bot.SayAsync("and with period 10");
        Assert.Equal("Same as before with period=10: rsi(period=10) on INFY, 2023-01-01 to 2023-12-31.", First(period));
        await AssertSpecAsync(bot, period, "rsi(period=10)", ["INFY"], "2023-01-01", "2023-12-31");

        var nifty = await bot.SayAsync("run it on all nifty50");
        Assert.Equal("Same as before with nifty50 (49 symbols): rsi(period=10) on nifty50 (49 symbols), 2023-01-01 to 2023-12-31.", First(nifty));
        Assert.StartsWith($"Job {nifty.FollowJob} queued: 49 backtests (rsi(period=10) on ADANIENT,ADANIPORTS,", Second(nifty), StringComparison.Ordinal);
        var spec = await SpecAsync(bot, nifty);
        Assert.Equal(49, spec.Symbols.Count);
        Assert.Equal(("rsi(period=10)", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)), (spec.Strategies, spec.From, spec.To));

        var again = await bot.SayAsync("same again");
        Assert.Equal("Same as before: rsi(period=10) on nifty50 (49 symbols), 2023-01-01 to 2023-12-31.", First(again));
        Assert.NotEqual(nifty.FollowJob, again.FollowJob);
        await bot.SayAsync($"cancel job {again.FollowJob}");
        await bot.SayAsync("yes");
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task CostsSaidInAFollowUp_ReplaceOnlyThePartsNamed()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");
        await bot.SayAsync("backtest rsi on TCS 2023 with zerodha delivery charges");

        var slippage = await bot.SayAsync("and with 10 bps slippage");
        Assert.Equal("Same as before with 10 bps slippage: rsi on TCS, 2023-01-01 to 2023-12-31.", First(slippage));
        Assert.Equal(
            $"Job {slippage.FollowJob} queued: 1 backtest (rsi on TCS, 2023-01-01 to 2023-12-31, costs zerodha-delivery, slippage 10 bps, whole shares).",
            Second(slippage));
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AWalkForward_IsRepeatedAsOne_WithItsWindowsAndObjectiveKept()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");
        var first = await bot.SayAsync("walk forward rsi(period=7|14) on TCS 2021-2025 with 2 years in and 6 months out anchored windows picked by sortino");
        Assert.True(first.Succeeded, Text(first));

        var infy = await bot.SayAsync("now the same for INFY");

        Assert.Equal("Same walk-forward as before with INFY: rsi(period=7|14) on INFY, 2021-01-01 to 2025-12-31.", First(infy));
        await AssertSpecAsync(bot, infy, "rsi(period=7|14)", ["INFY"], "2021-01-01", "2025-12-31");
        var settings = (await SpecAsync(bot, infy)).WalkForward!;
        var asked = (await SpecAsync(bot, first)).WalkForward!;
        Assert.Equal(asked, settings);
        Assert.Equal((true, "sortino"), (settings.Anchored, settings.Objective));
        await bot.SayAsync($"cancel job {infy.FollowJob}");
        await bot.SayAsync("yes");
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task APortfolio_IsRepeatedAsOne_WithItsPositionsKept_AndAnsweredAtOnce()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");
        var first = await bot.SayAsync("portfolio backtest rsi on TCS, INFY, RELIANCE, SBIN, ITC with at most 2 positions 2021-2024");
        Assert.True(first.Succeeded, Text(first));

        var year = await bot.SayAsync("what about 2023");

        Assert.True(year.Succeeded, Text(year));
        Assert.Equal("Same portfolio as before with 2023-01-01 to 2023-12-31: rsi on TCS,INFY,RELIANCE,SBIN,ITC, 2023-01-01 to 2023-12-31.", First(year));
        Assert.Null(year.FollowJob);
        string said = Text(year);
        Assert.Contains("2 positions", said, StringComparison.Ordinal);
        Assert.Contains("2023-01-02", said, StringComparison.Ordinal);
        Assert.DoesNotContain("2021-", said, StringComparison.Ordinal);
        Assert.NotEqual(first.Parts.OfType<TablePart>().First().Rows, year.Parts.OfType<TablePart>().First().Rows);
        Assert.Empty(await JobsAsync(bot));
        Assert.Equal(
            "This chat's last request was a portfolio, answered with its chart; say 'same again' to see it again, or name a job.",
            Text(await bot.SayAsync("show me the chart")));
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AParameterNoStrategyOfTheLastRequestHas_IsOneLineNamingThem_AndRunsNothing()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");
        await bot.SayAsync("backtest macd,buy_hold on TCS 2023");

        var refused = await bot.SayAsync("and with period 10");
        Assert.False(refused.Succeeded);
        Assert.Null(refused.FollowJob);
        Assert.Equal(
            "No strategy in 'macd,buy_hold' takes a parameter 'period'. macd takes fast, slow, signal; buy_hold takes none; every strategy also takes stop, target, trail.",
            Text(refused));
        Assert.Single(await JobsAsync(bot));
    }

    [Fact]
    public async Task Same_InAChatThatRanNothing_AsksWhatIsMeant_AndRunsNothing()
    {
        await using var bot = await StartAsync();

        foreach (string phrase in new[] { "same", "again", "what about it", "now the same for INFY" })
        {
            var asked = await bot.SayAsync(phrase);
            Assert.Equal(SameAsWhat, Text(asked));
            Assert.False(asked.Succeeded);
            Assert.Null(asked.FollowJob);
            Assert.Equal("follow_up", asked.Intent);
        }

        Assert.Contains(": DOWN", Text(await bot.SayAsync("monitor cluster")), StringComparison.Ordinal);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AnotherChatsRequest_IsNotReused()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");
        Assert.NotNull((await bot.SayAsync("backtest rsi on TCS 2023", chat: "chat-1")).FollowJob);

        var other = await bot.SayAsync("now the same for INFY", chat: "chat-2");
        Assert.Equal(SameAsWhat, Text(other));
        Assert.Null(other.FollowJob);
        Assert.Single(await JobsAsync(bot));
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AViewer_CannotSubmitThroughAFollowUp_ButSeesTheChatsLastChart()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");
        var mine = await bot.SayAsync("backtest rsi on TCS 2023", chat: "chat-1");
        var theirs = await bot.SayAsync("backtest macd on INFY 2023", chat: "chat-2");
        await bot.Engine.FollowAsync(mine.FollowJob!, null, CancellationToken.None);
        await bot.Engine.FollowAsync(theirs.FollowJob!, null, CancellationToken.None);

        var denied = await bot.SayAsync("now the same for INFY", Viewer, chat: "chat-1");
        Assert.False(denied.Succeeded);
        Assert.Null(denied.FollowJob);
        Assert.Contains("your role (viewer) can only look", Text(denied), StringComparison.Ordinal);
        Assert.Equal(2, (await JobsAsync(bot)).Count);

        // The newest job of the cluster is chat-2's; chat-1's chart is chat-1's job.
        var chart = await bot.SayAsync("show me the chart", Viewer, chat: "chat-1");
        Assert.True(chart.Succeeded, Text(chart));
        Assert.Equal($"job_{mine.FollowJob}_equity.png", Assert.Single(chart.Parts.OfType<ImagePart>()).FileName);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task TheLastRequest_IsForgottenAfterTheFollowUpWindow()
    {
        await using var bot = await StartAsync(fakeClock: true);
        await bot.SayAsync("start cluster");
        await bot.SayAsync("backtest rsi on TCS 2023");

        bot.Clock!.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.NotNull((await bot.SayAsync("what about 2022")).FollowJob);

        // The follow-up's job is the chat's last request now, remembered from its own time.
        bot.Clock.Advance(TimeSpan.FromHours(2));
        var late = await bot.SayAsync("same for INFY");
        Assert.Equal("Same as what? This chat's last backtest was more than 2 hours ago and is forgotten; say it in full — e.g. backtest rsi on TCS last year.", Text(late));
        Assert.Null(late.FollowJob);
        Assert.Equal(2, (await JobsAsync(bot)).Count);
    }

    private static string First(Reply reply) => ((TextPart)reply.Parts[0]).Text;

    private static string Second(Reply reply) => ((TextPart)reply.Parts[1]).Text;

    private static async Task<IReadOnlyList<JobStatus>> JobsAsync(BotHarness bot) =>
        await (await bot.Target.ClientAsync(CancellationToken.None)).ListAsync(0, 100, CancellationToken.None);

    private static async Task<JobSpec> SpecAsync(BotHarness bot, Reply queued)
    {
        Assert.NotNull(queued.FollowJob);
        var client = await bot.Target.ClientAsync(CancellationToken.None);
        return (await client.GetAsync(queued.FollowJob!, CancellationToken.None))!.Spec;
    }

    private static async Task AssertSpecAsync(BotHarness bot, Reply queued, string strategies, string[] symbols, string from, string to)
    {
        var spec = await SpecAsync(bot, queued);
        Assert.Equal(strategies, spec.Strategies);
        Assert.Equal(symbols, spec.Symbols);
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (spec.From, spec.To));
    }
}
