using System.Globalization;
using System.Text.Json;
using ClaudBot.Backtesting;
using ClaudBot.Bot.Replies;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>Each intent of the catalogue end to end on the local target, checked against what really happened.</summary>
public sealed class IntentEndToEndTests
{
    [Trait("Category", "RealServer")]
    [Fact]
    public async Task SubmitFollowAndResults_RankTheBacktestsByTheirRealSharpe_WithAChartAndTheFullJson()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var queued = await bot.SayAsync("backtest rsi,macd on TCS,INFY from 2021-01-01 to 2023-12-31");
        string job = queued.FollowJob!;
        Assert.Contains($"Job {job} queued: 4 backtests (rsi,macd on TCS,INFY, 2021-01-01 to 2023-12-31, cost 10 bps).", Text(queued), StringComparison.Ordinal);

        var reported = new List<double>();
        var summary = await bot.Engine.FollowAsync(job, new Collect(reported), CancellationToken.None);
        Assert.Equal(1.0, reported[^1]);
        Assert.Contains($"Job {job} completed in", Text(summary), StringComparison.Ordinal);

        // The ranking agrees with running the same backtests directly.
        var direct = await bot.Get<BacktestService>().RunAsync(new BacktestRequest("rsi,macd", ["TCS", "INFY"], new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31)), CancellationToken.None);
        var expected = direct.Results.OrderByDescending(r => r.Metrics.Sharpe).ToList();
        var ranked = summary.Parts.OfType<TablePart>().First();
        Assert.Equal("Top 4 by Sharpe", ranked.Title);
        for (int i = 0; i < expected.Count; i++)
        {
            // Read by column name: the table gained columns (vs B&H) before, and may again.
            Assert.Equal(expected[i].Symbol, ranked.Rows[i][ranked.Columns.ToList().IndexOf("Symbol")]);
            Assert.Equal(expected[i].Metrics.Sharpe.ToString("0.00", CultureInfo.InvariantCulture), ranked.Rows[i][ranked.Columns.ToList().IndexOf("Sharpe")]);
            Assert.Equal(expected[i].Metrics.Trades.ToString(CultureInfo.InvariantCulture), ranked.Rows[i][ranked.Columns.ToList().IndexOf("Trades")]);
        }

        var best = summary.Parts.OfType<TablePart>().Single(t => t.Title == "Best per symbol");
        Assert.Equal(2, best.Rows.Count);
        var chart = Assert.Single(summary.Parts.OfType<ImagePart>());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Png[..4].ToArray());

        var results = await bot.SayAsync($"results of job {job}");
        Assert.Equal(Text(summary), Text(results));

        var json = Assert.Single((await bot.SayAsync($"json of job {job}")).Parts.OfType<DocumentPart>());
        Assert.Equal($"job_{job}.json", json.FileName);
        using var document = JsonDocument.Parse(json.Content);
        Assert.Equal(4, document.RootElement.GetProperty("results").GetArrayLength());

        var status = Text(await bot.SayAsync($"job {job} status"));
        Assert.Contains($"{job}  completed  100%  4/4 backtests", status, StringComparison.Ordinal);

        var list = (await bot.SayAsync("list jobs")).Parts.OfType<TablePart>().Single();
        Assert.Equal(job, list.Rows[0][0]);
        Assert.Equal("completed", list.Rows[0][1]);

        // The summary comes from the node (ranked and stored when the job finished), not from reading the results file here.
        await File.WriteAllTextAsync(Path.Combine(bot.ResultsDirectory, $"job_{job}.json"), "not json");
        Assert.Equal(Text(summary), Text(await bot.SayAsync($"results of job {job}")));
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task PeriodsAgainstTheData_YtdEndsOnTheDataEnd_AndTheHeadlineShowsTheDatesRun()
    {
        // Today on the conversation's clock is 2026-11-29; the bundled data ends on 2026-01-23 and starts on 2021-01-27.
        await using var bot = await StartAsync(fakeClock: true);
        await bot.SayAsync("start cluster");

        var ytd = Text(await bot.SayAsync("backtest rsi on TCS ytd"));
        Assert.Contains("(rsi on TCS, 2026-01-01 to 2026-01-23, cost 10 bps).", ytd, StringComparison.Ordinal);
        Assert.Contains(
            "The data ends on 2026-01-23, so 'ytd' runs 2026-01-01 to 2026-01-23. That is only 23 days, too short for annualised figures such as CAGR to mean much.",
            ytd,
            StringComparison.Ordinal);

        string job = (await bot.SayAsync("backtest rsi on TCS 2020-2024")).FollowJob!;
        var summary = Text(await bot.Engine.FollowAsync(job, null, CancellationToken.None));
        Assert.Contains(
            $"Job {job} completed in ",
            summary,
            StringComparison.Ordinal);
        Assert.Contains(
            ": 1 of 1 backtests done. rsi on TCS, 2021-01-27 to 2024-12-31 (asked 2020-01-01 to 2024-12-31), cost 10 bps.",
            summary,
            StringComparison.Ordinal);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task CancelJob_StopsAQueuedJob_AfterAYes()
    {
        await using var bot = await StartAsync(settings: new Dictionary<string, string?> { ["Cluster:ThrottlePerTask"] = "00:00:02", ["Cluster:ChunkSize"] = "1" });
        await bot.SayAsync("start cluster");
        string job = (await bot.SayAsync("backtest rsi on nifty50 2022-2023")).FollowJob!;

        Assert.NotNull((await bot.SayAsync("cancel the last job")).Confirm);
        var cancelled = await bot.SayAsync("yes");
        Assert.Equal($"Job {job} cancelled; its finished backtests are kept in the results.", Text(cancelled));
        Assert.Contains($"{job}  cancelled", Text(await bot.SayAsync($"status of job {job}")), StringComparison.Ordinal);

        Assert.NotNull((await bot.SayAsync($"cancel job {job}")).Confirm);
        Assert.Contains("had already finished (cancelled)", Text(await bot.SayAsync("yes")), StringComparison.Ordinal);
        Assert.Contains("There is no job 'zzzzzz'", Text(await bot.SayAsync("job zzzzzz status")), StringComparison.Ordinal);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task Cleanup_RemovesFinishedJobsBeyondTheNewest_AndTheirFiles()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");
        var jobs = new List<string>();
        foreach (string symbol in new[] { "TCS", "INFY", "WIPRO" })
        {
            string job = (await bot.SayAsync($"backtest momentum on {symbol} 2022-2023")).FollowJob!;
            await bot.Engine.FollowAsync(job, null, CancellationToken.None);
            jobs.Add(job);
        }

        Assert.NotNull((await bot.SayAsync("clean up old results keep 1")).Confirm);
        var done = Text(await bot.SayAsync("yes"));
        Assert.Contains("Removed 2 finished job(s)", done, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(bot.ResultsDirectory, $"job_{jobs[2]}.json")));
        Assert.False(File.Exists(Path.Combine(bot.ResultsDirectory, $"job_{jobs[0]}.json")));
        Assert.Single((await bot.SayAsync("list jobs")).Parts.OfType<TablePart>().Single().Rows);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task RestartMonitorAndLogs_ShowTheClusterAsItIs()
    {
        await using var bot = await StartAsync();
        Assert.Equal("The driver log is empty (has the cluster been started?).", Text(await bot.SayAsync("show driver logs")));
        await bot.SayAsync("start cluster");
        Assert.Contains("already running", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var monitor = Text(await bot.SayAsync("monitor cluster"));
        Assert.Contains("Workers: 1 (4 slots", monitor, StringComparison.Ordinal);
        Assert.Contains("driver", monitor, StringComparison.Ordinal);
        Assert.Contains("CPU", monitor, StringComparison.Ordinal);

        Assert.NotNull((await bot.SayAsync("restart cluster")).Confirm);
        var restarted = Text(await bot.SayAsync("yes"));
        Assert.Contains("Cluster stopped", restarted, StringComparison.Ordinal);
        Assert.Contains("Cluster started", restarted, StringComparison.Ordinal);

        var logs = await bot.SayAsync("last 5 lines of driver log");
        var block = Assert.Single(logs.Parts.OfType<BlockPart>());
        Assert.InRange(block.Text.Split('\n').Length, 1, 5);
    }

    [Fact]
    public async Task CatalogueIntents_ListStrategiesSymbolsAndRoleFilteredHelp()
    {
        await using var bot = await StartAsync();
        var strategies = (await bot.SayAsync("list strategies")).Parts.OfType<TablePart>().Single();
        Assert.Equal(["rsi", "macd", "momentum", "sma_cross", "bollinger", "buy_hold"], strategies.Rows.Select(r => r[0]));

        var symbols = Text(await bot.SayAsync("which stocks do you have"));
        Assert.StartsWith("49 symbols: ", symbols, StringComparison.Ordinal);
        Assert.Contains("RELIANCE", symbols, StringComparison.Ordinal);

        var operatorHelp = (await bot.SayAsync("help")).Parts.OfType<TablePart>().Single().Rows;
        var viewerHelp = (await bot.SayAsync("help", Viewer)).Parts.OfType<TablePart>().Single().Rows;
        Assert.Contains(operatorHelp, r => r[0] == "stop cluster");
        Assert.DoesNotContain(viewerHelp, r => r[0] == "stop cluster");
        Assert.Contains(viewerHelp, r => r[0] == "monitor cluster");
        Assert.True(viewerHelp.Count < operatorHelp.Count);
    }

    private sealed class Collect(List<double> into) : IProgress<Cluster.Jobs.JobStatus>
    {
        public void Report(Cluster.Jobs.JobStatus value)
        {
            lock (into)
            {
                into.Add(value.Progress);
            }
        }
    }
}
