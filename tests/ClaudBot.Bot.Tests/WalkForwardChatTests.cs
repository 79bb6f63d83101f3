using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Replies;
using ClaudBot.Bot.Results;
using ClaudBot.Cluster.Jobs;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>
/// A walk-forward said in chat, on a real node: the job is queued with its windows, and its summary is the node's
/// report (checked against the Python reference in the cluster's tests) as tables, a verdict per symbol and the chart
/// with the windows marked; bad settings are refused in one line and queue nothing; a missing length is asked for.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class WalkForwardChatTests
{
    [Fact]
    public async Task AWalkForward_IsQueuedWithItsWindows_AndEndsWithTheNodesReport()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var queued = await bot.SayAsync("walk forward rsi(period=7|14, lower=25|30|35, upper=65|75) on TCS, INFY 2021-2024 with 2 years in and 6 months out at least 3 trades");
        Assert.Contains("96 backtests", Text(queued), StringComparison.Ordinal);
        Assert.Contains("walk-forward 2 years in, 6 months out every 6 months, rolling, picked by sharpe with at least 3 trades (4 windows)", Text(queued), StringComparison.Ordinal);
        string job = queued.FollowJob!;
        var summary = await bot.Engine.FollowAsync(job, new Progress<JobStatus>(), CancellationToken.None);
        var report = await bot.Get<NodeApiClient>().WalkForwardAsync(job, CancellationToken.None);

        var tables = summary.Parts.OfType<TablePart>().ToList();
        var symbols = tables[0];
        Assert.Equal(["TCS", "INFY"], symbols.Rows.Select(r => r[0]));
        for (int s = 0; s < 2; s++)
        {
            var stitched = report.Symbols[s].Stitched.Metrics;
            Assert.Equal(
                [ResultTables.Percent(stitched.Cagr), ResultTables.Ratio(stitched.Sharpe), ResultTables.Percent(report.Symbols[s].BuyHold.Metrics.Cagr), ResultTables.Ratio(report.Symbols[s].Efficiency!.Value)],
                [symbols.Rows[s][1], symbols.Rows[s][2], symbols.Rows[s][6], symbols.Rows[s][7]]);
        }

        var windows = tables.Single(t => t.Title == "TCS: each window's pick");
        Assert.Equal(report.Symbols[0].Windows.Select(w => w.Parameters), windows.Rows.Select(r => r[2]));
        Assert.Equal(["2023-01-02 to 2023-06-30", "2023-07-03 to 2023-12-29", "2024-01-01 to 2024-06-28", "2024-07-01 to 2024-12-31"], windows.Rows.Select(r => r[1]));
        Assert.Contains(summary.Parts.OfType<TextPart>(), p => p.Text.StartsWith("TCS: out-of-sample CAGR", StringComparison.Ordinal));
        var chart = Assert.Single(summary.Parts.OfType<ImagePart>());
        Assert.Equal($"job_{job}_walkforward.png", chart.FileName);
        Assert.Equal(WalkForwardSummaryBuilder.Chart(report, report.Symbols[0]), chart.Png.ToArray());

        // The same report again when asked for the job's results later.
        var again = await bot.SayAsync($"results of job {job}");
        Assert.Equal(symbols.Rows, again.Parts.OfType<TablePart>().First().Rows);
    }

    [Fact]
    public async Task OverlappingWindows_AreRefusedInOneLine_AndAMissingLengthIsAskedFor()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var refused = await bot.SayAsync("walk forward rsi on TCS 2021-2024 with 2 years in and 6 months out every 3 months");
        Assert.False(refused.Succeeded);
        Assert.Contains("The step (3 months) is shorter than the out-of-sample part (6 months)", Text(refused), StringComparison.Ordinal);
        Assert.Contains("No jobs yet", Text(await bot.SayAsync("list jobs")), StringComparison.Ordinal);

        var asked = await bot.SayAsync("walk forward rsi on TCS 2021-2024 with 2 years in");
        Assert.Contains("How long is each out-of-sample part?", Text(asked), StringComparison.Ordinal);
    }
}
