using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClaudBot.Cluster.Notifications;
using ClaudBot.Targets;
using ClaudBot.Telegram.Tests.FakeBotApi;
using static ClaudBot.Telegram.Tests.TelegramBotHarness;

namespace ClaudBot.Telegram.Tests;

/// <summary>
/// Notifications that outlive the bot's process, end to end: the whole bot on the local target (embedded queue server,
/// driver, worker) against the fake Bot API. Follows and subscriptions live in the queue server.
/// </summary>
[Trait("Category", "RealServer")]
public sealed partial class TelegramNotificationTests
{
    private static readonly TimeSpan JobWait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SubscribedChat_HearsOnceOfAJobSubmittedOverHttp_AndAnUnsubscribedChatNever()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        var server = bot.Server;
        await bot.AskAsync("start cluster", Containing("Cluster started"));
        await bot.AskAsync("/subscribe", Containing("Subscribed:"));
        await bot.AskAsync("tell me when jobs finish", Containing("Already subscribed:"));
        await bot.AskAsync("notify me when jobs end", Containing("Subscribed:"), chatId: ChatB);
        await bot.AskAsync("stop telling me when jobs finish", Containing("Unsubscribed:"), chatId: ChatB);

        string id = await SubmitOverHttpAsync(bot, "rsi,macd", ["TCS", "INFY"]);

        var line = await server.WaitForMessageAsync(m => m.ChatId == ChatA && m.FromBot && Mentions(m, id), JobWait);
        Assert.True(Regex.IsMatch(line.Text!, $@"^Job {id} rsi,macd on TCS, INFY: completed\. Best: (rsi|macd)[^:]* on (TCS|INFY), Sharpe -?\d+\.\d\d, return -?\d+\.\d%\.$"), line.Text);

        // Several more polls: told once; the unsubscribed chat was never told, and nobody follows the job.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(server.BotMessagesIn(ChatA), m => Mentions(m, id));
        Assert.DoesNotContain(server.BotMessagesIn(ChatB), m => Mentions(m, id));
        Assert.Empty(await FollowsAsync(bot));
    }

    [Fact]
    public async Task BotRestartedMidJob_StillReportsTheJobItsChatFollowed_ExactlyOnce()
    {
        await using var bot = await TelegramBotHarness.StartAsync(new Dictionary<string, string?> { ["Cluster:ThrottlePerTask"] = "00:00:02", ["Cluster:ChunkSize"] = "1" });
        var server = bot.Server;
        await bot.AskAsync("start cluster", Containing("Cluster started"));
        var queued = await bot.AskAsync("backtest rsi(period=5..40 step 5) on TCS, INFY from 2021-01-01 to 2023-12-31", Containing("queued: 16 backtests"));
        string id = JobId().Match(queued.Text!).Groups[1].Value;
        await server.WaitForMessageAsync(m => m.ChatId == ChatA && m.FromBot && IsProgress(m, id), TimeSpan.FromSeconds(20));
        Assert.Equal([(id, Chat(ChatA))], (await FollowsAsync(bot)).Select(f => (f.JobId, f.Follower.Chat)));

        await bot.RestartAsync();

        var summary = await server.WaitForMessageAsync(m => m.ChatId == ChatA && m.FromBot && m.Text?.Contains($"Job {id} completed in", StringComparison.Ordinal) == true, JobWait);
        Assert.Contains("Top 10 by Sharpe", summary.Text, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(server.BotMessagesIn(ChatA), m => m.Text?.Contains($"Job {id} completed in", StringComparison.Ordinal) == true);

        // The old process's progress message, then the new one's fresh one; the follow is gone once its end was sent.
        Assert.Equal(2, server.BotMessagesIn(ChatA).Count(m => IsProgress(m, id)));
        Assert.Empty(await FollowsAsync(bot));
    }

    [Fact]
    public async Task ScheduleFollowerWithTop5_GetsTheJobsFiveBestRowsRanked()
    {
        await using var bot = await TelegramBotHarness.StartAsync();
        var server = bot.Server;
        await bot.AskAsync("start cluster", Containing("Cluster started"));

        // What the driver does for each job a schedule with "send me the top 5" fires: submit, then add its followers.
        string id = await SubmitOverHttpAsync(bot, "rsi(period=5..30 step 5)", ["TCS"]);
        var client = await bot.Get<IClusterTarget>().ClientAsync(CancellationToken.None);
        await client.Follows.AddAsync(id, new JobFollower("telegram", Chat(ChatA), Top: 5), CancellationToken.None);

        var summary = await server.WaitForMessageAsync(m => m.ChatId == ChatA && m.FromBot && m.Text?.Contains($"Job {id} completed in", StringComparison.Ordinal) == true, JobWait);
        Assert.Contains("6 of 6 backtests done", summary.Text, StringComparison.Ordinal);
        string table = summary.Text![summary.Text!.IndexOf("Top 5 by Sharpe", StringComparison.Ordinal)..];
        var ranks = RankedRow().Matches(table).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([1, 2, 3, 4, 5], ranks);
        Assert.Empty(await FollowsAsync(bot));
    }

    private static async Task<string> SubmitOverHttpAsync(TelegramBotHarness bot, string strategies, string[] symbols)
    {
        var api = await bot.Get<IClusterTarget>().NodeApiAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = api };
        using var response = await http.PostAsJsonAsync("/api/jobs", new { strategies, symbols, from = "2021-01-01", to = "2023-12-31" });
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<IReadOnlyList<(string JobId, JobFollower Follower)>> FollowsAsync(TelegramBotHarness bot) =>
        await (await bot.Get<IClusterTarget>().ClientAsync(CancellationToken.None)).Follows.ListAsync("telegram", CancellationToken.None);

    private static bool Mentions(MessageState message, string id) => message.Text?.Contains($"Job {id} ", StringComparison.Ordinal) == true;

    private static bool IsProgress(MessageState message, string id) =>
        message.Text is { } text && text.StartsWith($"Job {id} ", StringComparison.Ordinal) && (text.Contains('░', StringComparison.Ordinal) || text.Contains('█', StringComparison.Ordinal)) && !text.Contains("completed in", StringComparison.Ordinal);

    private static string Chat(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Job ([a-z0-9]+) queued:")]
    private static partial Regex JobId();

    [GeneratedRegex(@"(?m)^(\d+) +rsi")]
    private static partial Regex RankedRow();
}
