using System.Globalization;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>
/// A sweep's summary in chat ranked by another metric than Sharpe, from the leaders the node keeps as the job runs, and
/// with one table per varied parameter.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class SweepRankingChatTests
{
    [Fact]
    public async Task TopResultsByCagrDrawdownAndSortino_AreInThatOrder_AndEachVariedParameterHasItsTable()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
        string sweep = (await bot.SayAsync("backtest rsi(period=5..20 step 5, lower=20|30) on TCS, INFY, ITC from 2022-01-01 to 2024-12-31")).FollowJob!;
        var bySharpe = await bot.Engine.FollowAsync(sweep, new Progress<JobStatus>(), CancellationToken.None);

        // period took 4 values and lower 2; upper one: two tables, values in numeric order, 6 backtests each (3 symbols x the other).
        var effects = bySharpe.Parts.OfType<TablePart>().Where(t => t.Title.StartsWith("rsi ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["rsi period: every value", "rsi lower: every value"], effects.Select(t => t.Title));
        Assert.Equal(["5", "10", "15", "20"], effects[0].Rows.Select(r => r[0]));
        Assert.All(effects[0].Rows, r => Assert.Equal("6", r[1]));
        Assert.All(effects[1].Rows, r => Assert.Equal("12", r[1]));

        var byCagr = await bot.SayAsync($"top results of job {sweep} by cagr");
        var table = byCagr.Parts.OfType<TablePart>().First();
        Assert.StartsWith("Top 10 by cagr (highest first", table.Title, StringComparison.Ordinal);
        var cagrs = table.Rows.Select(r => double.Parse(r[5].TrimEnd('%'), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(cagrs.OrderByDescending(c => c), cagrs);
        Assert.NotEqual(bySharpe.Parts.OfType<TablePart>().First().Rows.Select(r => r[1] + r[2]), table.Rows.Select(r => r[1] + r[2]));

        var byDrawdown = await bot.SayAsync($"rank job {sweep} by drawdown");
        var drawdowns = byDrawdown.Parts.OfType<TablePart>().First().Rows.Select(r => double.Parse(r[7].TrimEnd('%'), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(drawdowns.OrderByDescending(d => d), drawdowns);

        // A metric the table has no column for gets one at its end, so the order can be read.
        var bySortino = (await bot.SayAsync($"top results of job {sweep} by sortino")).Parts.OfType<TablePart>().First();
        Assert.StartsWith("Top 10 by sortino (highest first", bySortino.Title, StringComparison.Ordinal);
        Assert.Equal("Sortino", bySortino.Columns[^1]);
        Assert.Equal(12, bySortino.Columns.Count);
        var sortinos = bySortino.Rows.Select(r => double.Parse(r[^1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sortinos.OrderByDescending(s => s), sortinos);
        Assert.Equal(11, byCagr.Parts.OfType<TablePart>().First().Columns.Count);
    }
}
