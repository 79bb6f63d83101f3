using System.Text.Json;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.Replies;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>Scripted conversations with the engine on the local target: asking, confirming, refusing, expiring.</summary>
public sealed class ConversationTests
{
    [Fact]
    public async Task EveryIntentOfTheCatalogue_HasAnAction()
    {
        await using var bot = await StartAsync();
        Assert.Empty(bot.Get<IntentExecutor>().Unhandled);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task StopCluster_AsksFirst_NoKeepsItRunning_YesStopsIt()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");

        var ask = await bot.SayAsync("stop cluster");
        Assert.NotNull(ask.Confirm);
        Assert.Contains("Go ahead?", Text(ask), StringComparison.Ordinal);
        var no = await bot.SayAsync("no");
        Assert.Equal("Cancelled; nothing was done.", Text(no));
        Assert.Contains(": UP", Text(await bot.SayAsync("monitor cluster")), StringComparison.Ordinal);

        Assert.NotNull((await bot.SayAsync("stop the cluster")).Confirm);
        var yes = await bot.SayAsync("yes");
        Assert.True(yes.Succeeded);
        Assert.Contains("Cluster stopped", Text(yes), StringComparison.Ordinal);
        var monitor = await bot.SayAsync("monitor cluster");
        Assert.Contains(": DOWN", Text(monitor), StringComparison.Ordinal);
        Assert.False(monitor.Succeeded);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AConfirmation_ExpiresAfterTheTimeout_AndALateYesDoesNothing()
    {
        await using var bot = await StartAsync(fakeClock: true);
        await bot.SayAsync("start cluster");
        Assert.NotNull((await bot.SayAsync("stop cluster")).Confirm);

        bot.Clock!.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var late = await bot.SayAsync("yes");
        Assert.False(late.Succeeded);
        Assert.Contains("expired after 5 minutes", Text(late), StringComparison.Ordinal);
        Assert.Contains(": UP", Text(await bot.SayAsync("monitor cluster")), StringComparison.Ordinal);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AButton_WorksOnlyForTheAsker_AndOnlyOnce()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");
        var chat = new ChatKey("test", "chat-1");
        var ask = await bot.SayAsync("stop cluster");
        string token = ask.Confirm!.Token;

        var other = await bot.Engine.PressAsync(chat, Viewer, token, yes: true, CancellationToken.None);
        Assert.Null(other.Reply);
        Assert.Equal("Only the person who asked can answer this.", other.Notice);

        var pressed = await bot.Engine.PressAsync(chat, Operator, token, yes: true, CancellationToken.None);
        Assert.Contains("Cluster stopped", Text(pressed.Reply!), StringComparison.Ordinal);
        var again = await bot.Engine.PressAsync(chat, Operator, token, yes: true, CancellationToken.None);
        Assert.Null(again.Reply);
        var forged = await bot.Engine.PressAsync(chat, Operator, "0123456789", yes: true, CancellationToken.None);
        Assert.Null(forged.Reply);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AMissingSlot_IsAskedFor_AWrongAnswerIsExplained_AndTheRightOneRunsTheJob()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");

        var question = await bot.SayAsync("backtest rsi from 2021-01-01 to 2022-12-31");
        Assert.True(question.NeedsAnswer);
        Assert.StartsWith("On which symbols?", Text(question), StringComparison.Ordinal);

        var wrong = await bot.SayAsync("NOTASTOCK");
        Assert.False(wrong.Succeeded);
        Assert.True(wrong.NeedsAnswer);
        Assert.Contains("NOTASTOCK", Text(wrong), StringComparison.Ordinal);
        Assert.Contains("On which symbols?", Text(wrong), StringComparison.Ordinal);

        var queued = await bot.SayAsync("TCS");
        Assert.NotNull(queued.FollowJob);
        var summary = await bot.Engine.FollowAsync(queued.FollowJob!, null, CancellationToken.None);
        var table = summary.Parts.OfType<TablePart>().First();
        var row = Assert.Single(table.Rows);
        Assert.Equal("TCS", row[2]);
        Assert.StartsWith("rsi(", row[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestion_CanBeDropped_OrOvertakenByANewRequest()
    {
        await using var bot = await StartAsync();
        Assert.True((await bot.SayAsync("backtest macd")).NeedsAnswer);
        Assert.Equal("OK, forgotten.", Text(await bot.SayAsync("cancel")));

        Assert.True((await bot.SayAsync("backtest macd")).NeedsAnswer);
        var monitor = await bot.SayAsync("monitor cluster");
        Assert.Contains(": DOWN", Text(monitor), StringComparison.Ordinal);
        Assert.False((await bot.SayAsync("TCS")).NeedsAnswer);
    }

    [Fact]
    public async Task ANearTie_IsAQuestion_AndTheAnswerPicksTheReading()
    {
        await using var bot = await StartAsync();
        var choice = await bot.SayAsync("status");
        Assert.True(choice.NeedsAnswer);
        Assert.Equal(["Monitor cluster", "Job status"], choice.Choices.Select(c => c.Label));

        var picked = await bot.SayAsync("1");
        Assert.Contains("ClaudBot cluster on", Text(picked), StringComparison.Ordinal);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AStranger_IsRefusedAndAudited_AndAViewerCannotStopTheCluster()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");

        var refused = await bot.SayAsync("monitor cluster", Stranger);
        Assert.False(refused.Succeeded);
        Assert.Contains("not allowed", Text(refused), StringComparison.Ordinal);
        Assert.Contains("3003", Text(refused), StringComparison.Ordinal);

        var denied = await bot.SayAsync("stop cluster", Viewer);
        Assert.Null(denied.Confirm);
        Assert.Contains("your role (viewer) can only look", Text(denied), StringComparison.Ordinal);
        Assert.True((await bot.SayAsync("monitor cluster", Viewer)).Succeeded);

        var lines = (await File.ReadAllLinesAsync(bot.AuditLog)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(lines, l => l.GetProperty("user").GetString() == "3003" && l.GetProperty("outcome").GetString() == "denied");
        Assert.Contains(lines, l => l.GetProperty("user").GetString() == "2002" && l.GetProperty("intent").GetString() == "stop_cluster" && l.GetProperty("outcome").GetString() == "denied");
        Assert.Contains(lines, l => l.GetProperty("intent").GetString() == "start_cluster" && l.GetProperty("outcome").GetString() == "executed" && l.GetProperty("duration_ms").GetDouble() > 0);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task ShellLookingInput_RunsNothing_AndABacktestOnAStoppedClusterStartsItAndSaysSo()
    {
        await using var bot = await StartAsync();
        var shell = await bot.SayAsync("start cluster; rm -rf /");
        Assert.False(shell.Succeeded);
        Assert.Contains(": DOWN", Text(await bot.SayAsync("monitor cluster")), StringComparison.Ordinal);

        var started = await bot.SayAsync("backtest rsi on TCS 2021-2022");
        Assert.True(started.Succeeded, Text(started));
        Assert.StartsWith("Cluster started on this machine (driver PID ", Text(started), StringComparison.Ordinal);
        Assert.Matches(@"\nJob [a-z0-9]+ queued: 1 backtest ", Text(started));
    }
}
