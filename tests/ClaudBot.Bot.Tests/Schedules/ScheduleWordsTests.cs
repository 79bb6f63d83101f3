using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Schedules;
using ClaudBot.Cluster.Notifications;

namespace ClaudBot.Bot.Tests.Schedules;

/// <summary>How chat's words for a schedule become the API's: days, a period counted back, whether to tell the chat; and how a listed schedule's last run reads.</summary>
public sealed class ScheduleWordsTests
{
    [Theory]
    [InlineData("day", "daily")]
    [InlineData("weekday", "weekdays")]
    [InlineData("working day", "weekdays")]
    [InlineData("mon, wed and fri", "mon,wed,fri")]
    [InlineData("Mondays & Thursdays", "monday,thursday")]
    [InlineData("blursday", "blursday")]
    public void Every_ReadsChatsDays_AsTheRecurrenceTakesThem(string said, string every) => Assert.Equal(every, ScheduleWords.Every(said));

    [Theory]
    [InlineData("last year", "last 1 year")]
    [InlineData("for the last 6 months", "last 6 months")]
    [InlineData("past 90 days", "last 90 days")]
    [InlineData("last 3 years", "last 3 years")]
    public void TryPeriod_ReadsALengthCountedBack(string said, string period)
    {
        Assert.True(ScheduleWords.TryPeriod(said, out string? read, out string? error), error);
        Assert.Equal(period, read);
    }

    [Theory]
    [InlineData("2020-2024")]
    [InlineData("FY2023")]
    public void TryPeriod_RefusesFixedDates_InOneLine(string said)
    {
        Assert.False(ScheduleWords.TryPeriod(said, out _, out string? error));
        Assert.Equal($"A schedule looks back a length from each run (e.g. 'for the last year', 'last 6 months'), not '{said}'.", error);
    }

    [Theory]
    [InlineData("every weekday at 18:00 run rsi on TCS and tell me", true)]
    [InlineData("every weekday at 18:00 run rsi on TCS and send me the top 5", true)]
    [InlineData("every day at 9:15 run rsi on TCS, let me know", true)]
    [InlineData("every day at 9:15 run rsi on TCS and notify", true)]
    [InlineData("every day at 9:15 run rsi on TCS for the last year", false)]
    [InlineData("every day at 9:15 run rsi on TCS, INFY and SBIN", false)]
    public void AsksToBeTold_ReadsTheTypedPhrase(string typed, bool told) => Assert.Equal(told, ScheduleWords.AsksToBeTold(typed));

    [Fact]
    public void ListedSchedule_SaysItsLastRun_AndWhoIsTold()
    {
        var schedule = new NodeSchedule("k7m2qz", "mon,wed,fri", "18:30", "Europe/London", "rsi", ["TCS"], "last 1 year", "test:olga",
            new DateTimeOffset(2026, 12, 9, 18, 30, 0, TimeSpan.Zero), null, null, null) { Notify = [new JobFollower("telegram", "42", 5), new JobFollower("terminal", "local")] };

        Assert.Equal("not run yet", ScheduleText.Last(schedule));
        Assert.Equal("job ab12cd", ScheduleText.Last(schedule with { LastJobId = "ab12cd" }));
        Assert.Equal("failed: TCS is not in the data.", ScheduleText.Last(schedule with { LastJobId = "ab12cd", LastError = "TCS is not in the data." }));
        Assert.Equal("telegram:42 (top 5), terminal:local (summary)", ScheduleText.Told(schedule));
        Assert.Null(ScheduleText.Told(schedule with { Notify = [] }));
        Assert.Equal("every mon, wed, fri at 18:30 Europe/London", ScheduleText.When(schedule));
        Assert.Equal("Wed 9 Dec 2026 18:30 (Europe/London)", ScheduleText.Next(schedule));
    }
}
