using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Results;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Intents.Slots;

namespace ClaudBot.Bot.Tests.Results;

/// <summary>A finished job's headline and chart title show the dates its backtests ran, not only those asked for.</summary>
public sealed class RunDatesTests
{
    private static readonly JobSpec Asked2020To2024 = new(
        "rsi", ["TCS", "INFY"], new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31), 10, "olga", new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    private static readonly JobStatus Job = new("ab12cd", JobState.Completed, Asked2020To2024, 2, 2, 0, 1, 1, null, null, [], "results/job_ab12cd.json");

    [Fact]
    public void Of_SpansTheEarliestFirstBarToTheLatestLastBar()
    {
        var rows = new[] { Row("TCS", "2021-01-27", "2024-12-31"), Row("INFY", "2021-02-01", "2025-01-10") };

        Assert.Equal(new DateSpan(new DateOnly(2021, 1, 27), new DateOnly(2025, 1, 10)), RunDates.Of(rows));
        Assert.Null(RunDates.Of([]));
    }

    [Fact]
    public void Headline_DataStartingLaterThanAsked_ShowsTheDatesRunAndThoseAsked()
    {
        var summary = Summary(Row("TCS", "2021-01-27", "2024-12-31"), Row("INFY", "2021-01-27", "2024-12-31"));

        Assert.Equal(
            "Job ab12cd completed in 12.0 s: 2 of 2 backtests done. rsi on TCS,INFY, 2021-01-27 to 2024-12-31 (asked 2020-01-01 to 2024-12-31), cost 10 bps.",
            JobSummaryBuilder.Headline(Job, summary));
    }

    [Fact]
    public void Headline_DatesRunAsAsked_ShowsThemOnce()
    {
        var summary = Summary(Row("TCS", "2020-01-01", "2024-12-31"));

        Assert.Equal(
            "Job ab12cd completed in 12.0 s: 2 of 2 backtests done. rsi on TCS,INFY, 2020-01-01 to 2024-12-31, cost 10 bps.",
            JobSummaryBuilder.Headline(Job, summary));
    }

    [Fact]
    public void ChartTitle_ShowsTheDatesTheDrawnCurvesCover()
    {
        var drawn = new[] { Row("TCS", "2021-01-27", "2024-12-31"), Row("INFY", "2021-01-28", "2024-12-30") };

        Assert.Equal("Job ab12cd: top 2 by Sharpe vs buy & hold (2021-01-27 to 2024-12-31)", EquityChartMaker.Title(Job, drawn));
    }

    [Fact]
    public void Request_WithoutRunDates_ShowsTheDatesAsked()
    {
        Assert.Equal("rsi on TCS,INFY, 2020-01-01 to 2024-12-31, cost 10 bps", JobText.Request(Asked2020To2024));
    }

    private static ResultsSummary Summary(params ResultRow[] best) =>
        new(Job.Id, "completed", Asked2020To2024, [], 2, 2, 0, new ResultsTimings(1, 11, 12), best, best, [], 0);

    private static ResultRow Row(string symbol, string from, string to) =>
        new(0, "rsi", "rsi(period=14, lower=30, upper=70)", symbol, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), 0.1, 0.05, 1.2, -0.1, 4, 0.5, 1.5, 110_000);
}
