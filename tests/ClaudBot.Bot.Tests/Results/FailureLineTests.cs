using ClaudBot.Bot.Results;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Bot.Tests.Results;

/// <summary>The chat names each reason for failed backtests once, however many backtests it failed.</summary>
public sealed class FailureLineTests
{
    private const string Mismatch = "TCS: this worker's data (xxh3:1111111111111111) differs from the planner's (xxh3:2222222222222222); run 'claudbot data push' or update the worker's data";

    private static ResultsSummary Summary(IReadOnlyList<ResultFailure> failures, int total) =>
        new("j1", "completed", new JobSpec("rsi", ["TCS", "INFY"], new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31), 10, "tester", DateTimeOffset.UnixEpoch), [], total, 0, total, new ResultsTimings(0, 0, 0), [], [], failures, total);

    [Fact]
    public void ADataMismatchOn600Backtests_IsOneReasonWithItsCount()
    {
        var failures = Enumerable.Range(0, ClaudBot.Cluster.Results.ResultsFileReader.FailuresKept).Select(i => new ResultFailure(i, $"rsi(period={i + 2})", "TCS", Mismatch)).ToList();

        Assert.Equal($"600 backtest(s) failed; the first 20: {Mismatch} (20 times)", FailureLine.Of(Summary(failures, 600)));
    }

    [Fact]
    public void DifferentReasons_AreEachShownOnce_ASingleOneWithItsStrategyAndSymbol()
    {
        ResultFailure[] failures =
        [
            new(0, "rsi(period=2)", "TCS", Mismatch),
            new(1, "macd", "INFY", "INFY: boom"),
            new(2, "rsi(period=3)", "TCS", Mismatch),
        ];

        Assert.Equal($"3 backtest(s) failed: {Mismatch} (2 times); macd on INFY: INFY: boom", FailureLine.Of(Summary(failures, 3)));
    }
}
