using ClaudBot.Bot.Notifications;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Bot.Tests.Notifications;

public sealed class JobEndLineTests
{
    private static readonly string[] Nifty = ["TCS", "INFY", "ITC", "SBIN", "WIPRO"];

    [Fact]
    public void Of_ACompletedJob_NamesWhatRanAndItsBestResult()
    {
        var best = new ResultRow(3, "rsi", "rsi(period=7)", "INFY", new DateOnly(2022, 1, 3), new DateOnly(2023, 12, 29), 0.1834, 0.087, 1.2345, -0.12, 9, 0.55, 1.8, 1_183_400);

        Assert.Equal(
            "Job k7m2qz rsi,macd on TCS, INFY: completed. Best: rsi(period=7) on INFY, Sharpe 1.23, return 18.3%.",
            JobEndLine.Of(Job(JobState.Completed, ["TCS", "INFY"], failed: 0), best));
    }

    [Fact]
    public void Of_AJobWithFailuresOnManySymbols_StaysOneLine_AndSaysHowManyFailed()
    {
        Assert.Equal(
            "Job k7m2qz rsi,macd on TCS, INFY, ITC and 2 more: completed with errors, 3 of 10 backtests failed.",
            JobEndLine.Of(Job(JobState.CompletedWithErrors, Nifty, failed: 3), null));
    }

    private static JobStatus Job(JobState state, IReadOnlyList<string> symbols, int failed) =>
        new("k7m2qz", state, new JobSpec("rsi,macd", symbols, new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31), 10, "tester", DateTimeOffset.UnixEpoch), 10, 10 - failed, failed, 1, 1, null, null, [], null);
}
