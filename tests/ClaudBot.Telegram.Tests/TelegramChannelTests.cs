using System.Text.Json;
using System.Text.RegularExpressions;
using ClaudBot.Telegram.Tests.FakeBotApi;
using static ClaudBot.Telegram.Tests.TelegramBotHarness;

namespace ClaudBot.Telegram.Tests;

/// <summary>
/// The Telegram channel end to end: the real Telegram.Bot client against the fake Bot API server, the
/// whole bot behind it on the local target (embedded server, driver, worker, bundled data).
/// </summary>
[Trait("Category", "RealServer")]
public sealed partial class TelegramChannelTests
{
    [Fact]
    public async Task WholeChat_FromStartClusterToResultsWithChart_SurvivesBadGatewayAndDroppedConnection()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        var server = bot.Server;

        // The polling loop meets a 502 from a proxy and a dropped connection, and carries on.
        server.FailNextWithBadGateway("getUpdates");
        server.DropNextConnection("getUpdates");
        await server.WaitForAsync(() => server.FaultsServed("getUpdates") >= 2 ? "both served" : null, "the 502 and the dropped connection to reach the bot", TimeSpan.FromSeconds(20));
        var help = await bot.AskAsync("/start", Containing("What you can ask"));
        Assert.Equal("HTML", help.ParseMode, ignoreCase: true);

        await bot.AskAsync("start cluster", Containing("Cluster started"));

        // A reply that meets a 502 is sent again, once.
        server.FailNextWithBadGateway("sendMessage");
        var queued = await bot.AskAsync("backtest rsi,macd on TCS,INFY from 2021-01-01 to 2023-12-31", Containing("queued: 4 backtests"));
        Assert.Equal(1, server.FaultsServed("sendMessage"));
        string job = JobId().Match(queued.Text!).Groups[1].Value;

        var photo = await server.WaitForCallAsync("sendPhoto", c => c.Caption?.Contains(job, StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30));
        Assert.True(photo.Succeeded, server.DescribeCalls());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], photo.File!.Bytes.Take(4).ToArray());
        Assert.Equal($"job_{job}_equity.png", photo.File.FileName);

        var summary = server.BotMessagesIn(ChatA).Single(m => m.Text?.Contains($"Job {job} completed in", StringComparison.Ordinal) == true);
        Assert.Contains("Top 4 by Sharpe", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Best per symbol", summary.Text, StringComparison.Ordinal);
        var progress = server.BotMessagesIn(ChatA).Single(m => m.Text?.StartsWith($"Job {job} ", StringComparison.Ordinal) == true && m.Text.Contains('%', StringComparison.Ordinal) && m.Text.Contains("backtests", StringComparison.Ordinal) && !m.Text.Contains("queued:", StringComparison.Ordinal) && !m.Text.Contains("completed in", StringComparison.Ordinal));
        Assert.Contains("100%", progress.Text, StringComparison.Ordinal);
        Assert.True(progress.EditCount >= 1, "the progress message is edited in place");

        var document = await AskForDocumentAsync(bot, $"json of job {job}");
        Assert.Equal($"job_{job}.json", document.File!.FileName);
        using var json = JsonDocument.Parse(document.File.Bytes);
        Assert.Equal(job, json.RootElement.GetProperty("id").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("results").GetArrayLength());

        // Nothing the bot sent was refused by the server (bad HTML, too long, unchanged edits).
        Assert.All(server.Calls.Where(c => c.Fault is null && !c.Is("getUpdates")), c => Assert.True(c.Succeeded, c.ToString()));
    }

    [Fact]
    public async Task StopCluster_AsksWithButtons_OnlyTheAskerDecides_AndEachButtonWorksOnce()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        var server = bot.Server;
        await bot.AskAsync("start cluster", Containing("Cluster started"));

        var prompt = await bot.AskAsync("stop cluster", m => m.InlineKeyboard.Count > 0);
        var buttons = prompt.InlineKeyboard.SelectMany(r => r).ToList();
        Assert.Equal(2, buttons.Count);
        string yes = buttons[0].CallbackData!;
        string no = buttons[1].CallbackData!;
        Assert.Matches("^c:[0-9a-f]{10}:y$", yes);

        // Someone else in the chat presses "yes": answered, nothing else happens, the buttons stay.
        var stranger = server.EnqueueCallbackQuery(ViewerId, ChatA, prompt.MessageId, yes);
        var answer = await server.WaitForCallbackAnswerAsync(stranger.CallbackQueryId!, TimeSpan.FromSeconds(10));
        Assert.Contains("Only the person who asked", answer.AnswerText, StringComparison.Ordinal);
        Assert.NotEmpty(server.GetMessage(ChatA, prompt.MessageId).InlineKeyboard);

        var declined = server.EnqueueCallbackQuery(OperatorId, ChatA, prompt.MessageId, no);
        await server.WaitForCallbackAnswerAsync(declined.CallbackQueryId!, TimeSpan.FromSeconds(10));
        await server.WaitForMessageAsync(m => m.ChatId == ChatA && m.FromBot && m.Text?.Contains("Cancelled; nothing was done", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10));
        Assert.Empty(server.GetMessage(ChatA, prompt.MessageId).InlineKeyboard);
        await bot.AskAsync("monitor cluster", Containing(": UP"));

        var again = await bot.AskAsync("stop cluster", m => m.InlineKeyboard.Count > 0 && m.MessageId != prompt.MessageId);
        string yesAgain = again.InlineKeyboard[0][0].CallbackData!;
        var confirmed = server.EnqueueCallbackQuery(OperatorId, ChatA, again.MessageId, yesAgain);
        await server.WaitForCallbackAnswerAsync(confirmed.CallbackQueryId!, TimeSpan.FromSeconds(10));
        await server.WaitForMessageAsync(m => m.ChatId == ChatA && m.FromBot && m.Text?.Contains("Cluster stopped", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(15));

        // The token was used: pressing the same button again does nothing but say so.
        var replay = server.EnqueueCallbackQuery(OperatorId, ChatA, again.MessageId, yesAgain);
        var replayed = await server.WaitForCallbackAnswerAsync(replay.CallbackQueryId!, TimeSpan.FromSeconds(10));
        Assert.Contains("no longer valid", replayed.AnswerText, StringComparison.Ordinal);
        Assert.Equal(1, server.BotMessagesIn(ChatA).Count(m => m.Text?.Contains("Cluster stopped", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Strangers_AreRefused_AndViewersCannotChangeTheCluster()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        var refused = await bot.AskAsync("start cluster", Containing("not allowed"), userId: StrangerId, chatId: ChatB);
        Assert.Contains(StrangerId.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Text, StringComparison.Ordinal);

        await bot.AskAsync("start cluster", Containing("your role (viewer) can only look"), userId: ViewerId);
        await bot.AskAsync("monitor cluster", Containing(": DOWN"), userId: ViewerId);

        var audit = await File.ReadAllLinesAsync(bot.AuditLog);
        Assert.Contains(audit, l => l.Contains("\"user\":\"6666\"", StringComparison.Ordinal) && l.Contains("\"outcome\":\"denied\"", StringComparison.Ordinal));
        Assert.Contains(audit, l => l.Contains("\"user\":\"5002\"", StringComparison.Ordinal) && l.Contains("\"intent\":\"start_cluster\"", StringComparison.Ordinal) && l.Contains("\"outcome\":\"denied\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdatesOfEveryOtherKind_AreIgnored_AndTheBotKeepsAnswering()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        var server = bot.Server;
        server.EnqueueRawUpdate($$$"""{"update_id":0,"edited_message":{"message_id":90,"date":1,"chat":{"id":{{{ChatA}}},"type":"private"},"from":{"id":{{{OperatorId}}},"is_bot":false,"first_name":"O"},"text":"stop cluster"}}""");
        server.EnqueueRawUpdate($$$"""{"update_id":0,"channel_post":{"message_id":91,"date":1,"chat":{"id":-100123,"type":"channel","title":"c"},"text":"start cluster"}}""");
        server.EnqueueRawUpdate($$$"""{"update_id":0,"my_chat_member":{"chat":{"id":{{{ChatA}}},"type":"private"},"from":{"id":{{{OperatorId}}},"is_bot":false,"first_name":"O"},"date":1,"old_chat_member":{"status":"member","user":{"id":1,"is_bot":true,"first_name":"b"}},"new_chat_member":{"status":"kicked","until_date":0,"user":{"id":1,"is_bot":true,"first_name":"b"} } } }""");
        server.EnqueueRawUpdate($$$"""{"update_id":0,"some_future_update":{"x":[1,2,{"y":null}]}}""");
        server.EnqueueRawUpdate($$$"""{"update_id":0,"message":{"message_id":92,"date":1,"chat":{"id":{{{ChatA}}},"type":"private"},"from":{"id":{{{OperatorId}}},"is_bot":false,"first_name":"O"},"photo":[{"file_id":"x","file_unique_id":"y","width":1,"height":1}]}}""");

        await server.WaitForMessageAsync(m => m.ChatId == ChatA && m.FromBot && m.Text?.Contains("I read text only", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10));
        await bot.AskAsync("help", Containing("What you can ask"));
        Assert.DoesNotContain(server.BotMessagesIn(-100123), _ => true);
        Assert.DoesNotContain(server.BotMessagesIn(ChatA), m => m.Text?.Contains("stop the driver", StringComparison.OrdinalIgnoreCase) == true && m.InlineKeyboard.Count > 0);
    }

    [Fact]
    public async Task AFollowedJob_BlocksNeitherItsOwnChatNorAnother_AndProgressEditsAreThrottledAndNeverRepeat()
    {
        // 4 backtests at 1.5 s each on 4 slots... run one at a time so the job lasts several seconds.
        await using var bot = await TelegramBotHarness.StartAsync(new Dictionary<string, string?> { ["Cluster:ThrottlePerTask"] = "00:00:01.500", ["Cluster:ChunkSize"] = "1" });
        var server = bot.Server;
        await bot.AskAsync("start cluster", Containing("Cluster started"));
        var queued = await bot.AskAsync("backtest rsi on TCS,INFY,WIPRO,ITC,SBIN,LT 2021-2023", Containing("queued: 6 backtests"));
        string job = JobId().Match(queued.Text!).Groups[1].Value;

        // While the job runs and is followed in chat A, both chats get answers.
        await bot.AskAsync("monitor cluster", Containing("Active jobs"), chatId: ChatA, timeout: TimeSpan.FromSeconds(5));
        await bot.AskAsync("list jobs", Containing(job), userId: ViewerId, chatId: ChatB, timeout: TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(server.BotMessagesIn(ChatA), m => m.Text?.Contains($"Job {job} completed in", StringComparison.Ordinal) == true);

        await server.WaitForMessageAsync(m => m.ChatId == ChatA && m.FromBot && m.Text?.Contains($"Job {job} completed in", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(40));
        var edits = server.CallsTo("editMessageText").Where(c => c.ChatId == ChatA && c.Succeeded).ToList();
        Assert.True(edits.Count >= 2, server.DescribeCalls());
        for (int i = 1; i < edits.Count; i++)
        {
            Assert.NotEqual(edits[i - 1].Text, edits[i].Text);
            Assert.True(edits[i].ReceivedAt - edits[i - 1].ReceivedAt >= TimeSpan.FromMilliseconds(250), $"edits {i - 1} and {i} came {(edits[i].ReceivedAt - edits[i - 1].ReceivedAt).TotalMilliseconds} ms apart");
        }
    }

    private static async Task<RecordedCall> AskForDocumentAsync(TelegramBotHarness bot, string text)
    {
        bot.Server.EnqueueTextMessage(OperatorId, ChatA, text);
        return await bot.Server.WaitForCallAsync("sendDocument", c => c.Succeeded, TimeSpan.FromSeconds(15));
    }

    [GeneratedRegex(@"Job ([a-z0-9]{6}) queued")]
    private static partial Regex JobId();
}
