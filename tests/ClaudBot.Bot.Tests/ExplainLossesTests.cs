using System.Globalization;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>"why did it lose in 2022": the best result's deepest drawdowns over the period and the trades open in them.</summary>
public sealed class ExplainLossesTests
{
    [Trait("Category", "RealServer")]
    [Fact]
    public async Task WhatWentWrong_ShowsTheDeepestDrawdown_EqualToTheResultsMaxDrawdown_AndItsTrades_ToAViewer()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
        var queued = await bot.SayAsync("backtest rsi on TCS from 2021-01-01 to 2023-12-31");
        await bot.Engine.FollowAsync(queued.FollowJob!, new Progress<JobStatus>(), CancellationToken.None);
        var best = (await bot.Get<NodeApiClient>().SummaryAsync(queued.FollowJob!, 1, CancellationToken.None)).Top[0];

        var reply = await bot.SayAsync("what went wrong in the last job", Viewer);

        Assert.StartsWith($"Job {queued.FollowJob}, its best result {best.StrategyText} on TCS, ", Text(reply), StringComparison.Ordinal);
        var drawdowns = reply.Parts.OfType<TablePart>().First();
        var depth = drawdowns.Columns.ToList().IndexOf("Depth");
        // Over the whole run the deepest fall is the max drawdown the results table reports, computed apart by the engine.
        Assert.Equal(best.MaxDrawdown.ToString("0.0%", CultureInfo.InvariantCulture), drawdowns.Rows[0][depth]);
        Assert.True(drawdowns.Rows.Count <= 3);
        var trades = reply.Parts.OfType<TablePart>().Single(t => t.Title == "Trades open during them");
        Assert.NotEmpty(trades.Rows);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AYearTheJobDidNotRun_SaysSo_AndAPeriodKeepsOnlyTheDrawdownsTouchingIt()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
        var queued = await bot.SayAsync("backtest sma_cross(fast=10, slow=30) on INFY from 2022-01-01 to 2023-12-31");
        await bot.Engine.FollowAsync(queued.FollowJob!, new Progress<JobStatus>(), CancellationToken.None);

        Assert.Contains("it has no days in the period asked", Text(await bot.SayAsync("why did it lose in 2019")), StringComparison.Ordinal);

        var in2022 = await bot.SayAsync($"why did job {queued.FollowJob} lose in 2022");
        Assert.Contains(", 2022-01-03 to 2022-12-30: return ", Text(in2022), StringComparison.Ordinal);
        if (in2022.Parts.OfType<TablePart>().FirstOrDefault() is { } table)
        {
            var from = table.Columns.ToList().IndexOf("From high on");
            Assert.All(table.Rows, r => Assert.True(string.CompareOrdinal(r[from], "2023-01-01") < 0, r[from]));
        }
    }
}
