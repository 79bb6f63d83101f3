using System.Globalization;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Notifications;
using ClaudBot.Cluster.Schedules;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>
/// Schedules said in chat, kept by a real node (its /api/schedules, the queue server behind it): each phrasing stores the
/// fields it says, "send me the top 5" / "and tell me" make this chat a follower, list and cancel (confirmed) work from
/// chat, and a bad day, time, zone or period is one line with nothing stored. Firing is tested on a fake clock in the
/// cluster's tests.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class ScheduleChatTests
{
    [Fact]
    public async Task ThePhrasings_StoreTheirFields_ListShowsThem_AndCancelAsksFirst()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
        var api = bot.Get<NodeApiClient>();

        var added = await bot.SayAsync("every weekday at 18:00 run rsi on nifty50 for the last year and send me the top 5");

        Assert.True(added.Succeeded, Text(added));
        var weekdays = Assert.Single(await api.SchedulesAsync(CancellationToken.None));
        Assert.Equal(
            ("weekdays", "18:00", "Asia/Kolkata", "rsi", 49, "last 1 year", "test:olga"),
            (weekdays.Every, weekdays.At, weekdays.TimeZone, weekdays.Strategies, weekdays.Symbols.Count, weekdays.Period, weekdays.CreatedBy));
        Assert.Equal([new JobFollower("test", "chat-1", 5)], weekdays.Notify);
        var ist = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var next = ScheduleRecurrence.Parse("weekdays", "18:00", null).NextOccurrence(DateTimeOffset.UtcNow);
        Assert.Equal(next, weekdays.NextRun);
        string nextText = TimeZoneInfo.ConvertTime(next, ist).ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) + " 18:00 (Asia/Kolkata)";
        Assert.Equal(
            [
                $"Schedule {weekdays.Id} added: rsi on nifty50 (49 symbols) over the last 1 year, every weekday at 18:00 Asia/Kolkata.",
                $"Next run: {nextText}.",
                "This chat gets the top 5 of each run.",
            ],
            added.Parts.OfType<TextPart>().Select(p => p.Text));

        foreach (string phrase in (string[])["every day at 9:15 run macd on TCS, INFY for the last 2 years", "every mon, wed and fri at 18:30 run rsi on RELIANCE for the last year and tell me"])
        {
            var reply = await bot.SayAsync(phrase);
            Assert.True(reply.Succeeded, phrase + " => " + Text(reply));
        }

        var london = await bot.SayAsync("every weekday at 18:00 run rsi on TCS for the last year in Europe/London", chat: "chat-2");
        Assert.True(london.Succeeded, Text(london));
        Assert.EndsWith("18:00 (Europe/London).", london.Parts.OfType<TextPart>().ElementAt(1).Text, StringComparison.Ordinal);

        var all = await api.SchedulesAsync(CancellationToken.None);
        Assert.Equal(
            [
                ("weekdays", "18:00", "Asia/Kolkata", "rsi", "RELIANCE", "last 1 year", "test:chat-1:5"),
                ("daily", "9:15", "Asia/Kolkata", "macd", "TCS,INFY", "last 2 years", "nobody"),
                ("mon,wed,fri", "18:30", "Asia/Kolkata", "rsi", "RELIANCE", "last 1 year", "test:chat-1:summary"),
                ("weekdays", "18:00", "Europe/London", "rsi", "TCS", "last 1 year", "nobody"),
            ],
            all.Select(s => (s.Every, s.At, s.TimeZone, s.Strategies, s.Symbols.Count == 49 ? "RELIANCE" : string.Join(',', s.Symbols), s.Period,
                s.Notify.Count == 0 ? "nobody" : string.Join(';', s.Notify.Select(f => $"{f.Channel}:{f.Chat}:{f.Top?.ToString(CultureInfo.InvariantCulture) ?? "summary"}")))));

        foreach (string phrase in (string[])["list schedules", "schedules", "/schedules"])
        {
            var listed = await bot.SayAsync(phrase, Viewer);
            var table = Assert.Single(listed.Parts.OfType<TablePart>());
            Assert.Equal(["Id", "When", "Runs", "Next run", "Last run", "Tells"], table.Columns);
            Assert.Equal(all.Select(s => s.Id), table.Rows.Select(r => r[0]));
            Assert.Equal(["not run yet"], table.Rows.Select(r => r[4]).Distinct());
            Assert.Equal("every mon, wed, fri at 18:30 Asia/Kolkata", table.Rows[2][1]);
            Assert.Equal("test:chat-1 (top 5)", table.Rows[0][5]);
        }

        string id = all[1].Id;
        var ask = await bot.SayAsync($"cancel schedule {id}");
        Assert.NotNull(ask.Confirm);
        Assert.Equal(4, (await api.SchedulesAsync(CancellationToken.None)).Count);
        Assert.Equal($"Schedule {id} cancelled: it fires no more (jobs it already queued go on).", Text(await bot.SayAsync("yes")));
        Assert.DoesNotContain(await api.SchedulesAsync(CancellationToken.None), s => s.Id == id);

        await bot.SayAsync($"cancel schedule {id}");
        var gone = await bot.SayAsync("yes");
        Assert.False(gone.Succeeded);
        Assert.Equal($"There is no schedule '{id}'.", Text(gone));
    }

    private static DateOnly TodayDate() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")).DateTime);

    private static string Today() => TodayDate().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string SixMonthsBack() => TodayDate().AddMonths(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task SendMeTheTop5_SaidAtTheTerminal_AddsTheScheduleWithNobodyToTell_AndSaysWhy()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var added = await bot.Engine.HandleAsync(
            new ChatMessage(new ChatKey(ChatKey.TerminalChannel, "olga"), Operator, "every weekday at 18:00 run rsi on TCS for the last year and send me the top 5"),
            CancellationToken.None);

        Assert.True(added.Succeeded, Text(added));
        var stored = Assert.Single(await bot.Get<NodeApiClient>().SchedulesAsync(CancellationToken.None));
        Assert.Empty(stored.Notify);
        var warning = Assert.Single(added.Parts.OfType<TextPart>(), p => p.Tone == ReplyTone.Warning);
        Assert.StartsWith("The terminal cannot be messaged when it runs", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadDaysTimeZoneOrPeriod_IsOneLine_AndStoresNothing_AndAViewerCannotAdd()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
        var api = bot.Get<NodeApiClient>();

        foreach (var (phrase, line) in (ValueTuple<string, string>[])
        [
            ("every weekday at 25:00 run rsi on TCS for the last year", "'25:00' is not a time of day: write it as HH:MM on a 24-hour clock, e.g. 18:00."),
            ("every blursday at 18:00 run rsi on TCS for the last year", "'blursday' is not a day: write 'daily', 'weekdays', or days such as 'mon,wed,fri'."),
            ("every weekday at 18:00 run rsi on TCS for the last year in Mars/Olympus", "'Mars/Olympus' is not a time zone this machine knows, e.g. Asia/Kolkata or Europe/London."),
            ("every weekday at 18:00 run rsi on TCS 2020-2024", "A schedule looks back a length from each run (e.g. 'for the last year', 'last 6 months'), not '2020-2024'."),
            // Planned once on adding, by the node with its data: the bundled data ends on 2026-01-23, before the test's today.
            ("every day at 9:15 run macd on TCS for the last 6 months", $"TCS has bars from 2021-01-27 to 2026-01-23; nothing falls in {SixMonthsBack()} to {Today()}."),
            ("every weekday at 18:00 run rsi on TCS for the last year with a 5% stop", "A schedule does not take exits (stop, target, trail) yet: schedule the plain backtest, or run this one now."),
        ])
        {
            var reply = await bot.SayAsync(phrase);
            Assert.False(reply.Succeeded, phrase);
            Assert.Equal(line, Text(reply));
        }

        var refused = await bot.SayAsync("every day at 9:15 run rsi on TCS for the last year", Viewer);
        Assert.False(refused.Succeeded);
        Assert.Contains("your role (viewer) can only look", Text(refused), StringComparison.Ordinal);
        Assert.Empty(await api.SchedulesAsync(CancellationToken.None));
        Assert.Equal("No schedules. Try 'every weekday at 18:00 run rsi on nifty50 for the last year and send me the top 5'.", Text(await bot.SayAsync("list schedules")));
    }
}
