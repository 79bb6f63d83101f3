using System.Globalization;
using System.Text.Json;
using ClaudBot.Bot.Replies;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>
/// "portfolio backtest ... with at most N positions" in chat, answered by a real node's API: the issue's 5-symbol, 2-slot
/// rsi case shows the independent reference's figures (tests/reference/portfolio_reference.py) beside the equal-weight
/// buy and hold, each symbol's contribution and the chart; with the node stopped, the same answer from this machine. A grid or
/// several position counts run as a portfolio job: ranked, best per count, the best setting's report.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class PortfolioChatTests
{
    private const string Phrase = "portfolio backtest rsi on TCS, INFY, RELIANCE, SBIN, ITC with at most 2 positions 2021-2024";

    [Fact]
    public async Task TheIssuesCase_ShowsTheReferencesFigures_FromTheNode_AndTheSameWithoutIt()
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "portfolio.json"))).RootElement
            .EnumerateArray().Single(c => c.GetProperty("name").GetString() == "issue-rsi-5x2").GetProperty("report");
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var reply = await bot.SayAsync(Phrase);

        Assert.True(reply.Succeeded, Text(reply));
        var figures = reply.Parts.OfType<TablePart>().First();
        var metrics = expected.GetProperty("metrics");
        Assert.Equal(
            ["portfolio", Percent(metrics, "total_return"), Percent(metrics, "cagr"), metrics.GetProperty("sharpe").GetDouble().ToString("0.00", CultureInfo.InvariantCulture), Percent(metrics, "max_drawdown"), "16"],
            figures.Rows[0].Take(6));
        Assert.Equal(Percent(expected.GetProperty("benchmark").GetProperty("metrics"), "total_return"), figures.Rows[1][1]);
        var contribution = reply.Parts.OfType<TablePart>().Single(t => t.Title == "Contribution by symbol");
        Assert.Equal(
            expected.GetProperty("contribution").EnumerateObject().Where(c => c.Value.GetProperty("trades").GetInt32() > 0).OrderByDescending(c => c.Value.GetProperty("pnl").GetDouble()).Select(c => c.Name),
            contribution.Rows.Select(r => r[0]));
        var chart = Assert.Single(reply.Parts.OfType<ImagePart>());
        Assert.True(chart.Png.Span.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]), "not a PNG");

        await bot.SayAsync("stop cluster");
        Assert.Contains("Cluster stopped", Text(await bot.SayAsync("yes")), StringComparison.Ordinal);
        var here = await bot.SayAsync(Phrase);
        Assert.Equal(figures.Rows, here.Parts.OfType<TablePart>().First().Rows);
    }

    [Fact]
    public async Task AGridWithSeveralPositionCounts_RunsAsAPortfolioJob_RankedWithTheBestSettingsReport()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var queued = await bot.SayAsync("portfolio backtest rsi(period=7|14, lower=25|30) on TCS, INFY, RELIANCE, SBIN, ITC with 1, 2 or 3 positions ranked by momentum 2021-2024");

        Assert.True(queued.Succeeded, Text(queued));
        Assert.Contains("12 portfolio backtests", Text(queued), StringComparison.Ordinal);
        Assert.Contains("each setting as one portfolio with at most 1, 2 or 3 positions, sized by slots, ranked by momentum(63)", Text(queued), StringComparison.Ordinal);
        string job = queued.FollowJob!;
        var summary = await bot.Engine.FollowAsync(job, new Progress<ClaudBot.Cluster.Jobs.JobStatus>(), CancellationToken.None);
        var best = await bot.Get<ClaudBot.Bot.NodeApi.NodeApiClient>().PortfolioJobAsync(job, CancellationToken.None);

        var tables = summary.Parts.OfType<TablePart>().ToList();
        var ranked = tables[0];
        Assert.Equal(10, ranked.Rows.Count); // the summary's top ten of the twelve
        Assert.All(ranked.Rows, r => Assert.Matches("^[123] positions?$", r[2]));
        Assert.Equal((best.Strategy, $"{best.MaxPositions} position{(best.MaxPositions == 1 ? string.Empty : "s")}"), (ranked.Rows[0][1], ranked.Rows[0][2]));
        var lanes = tables.Single(t => t.Title == "Best per positions count");
        Assert.Equal(["Positions", "Strategy", "Return", "Sharpe", "Max DD"], lanes.Columns);
        Assert.Equal(3, lanes.Rows.Count);

        // The best setting in full, as the single portfolio reply shows it: figures beside buy and hold, and the chart.
        Assert.Contains(summary.Parts.OfType<TextPart>(), p => p.Text == $"The best setting in full: {best.Strategy} with at most {ClaudBot.Cluster.Jobs.PortfolioJobSettings.LaneLabel(best.MaxPositions)}.");
        var figures = tables.Single(t => t.Title == "Portfolio vs equal-weight buy and hold");
        Assert.Equal(ClaudBot.Bot.Results.PortfolioSummary.Of(best).Parts.OfType<TablePart>().First().Rows, figures.Rows);
        var images = summary.Parts.OfType<ImagePart>().ToList();
        Assert.Equal(2, images.Count);
        Assert.Equal(ClaudBot.Bot.Results.PortfolioSummary.Chart(best), images[0].Png.ToArray());
        Assert.Equal("rsi: sharpe by period and lower (median across 3 position counts)", images[1].Caption);

        // Why it lost: the drawdowns of the best setting's account, each trade named by its symbol.
        var losses = await bot.SayAsync($"why did job {job} lose");
        Assert.True(losses.Succeeded, Text(losses));
        Assert.StartsWith($"Job {job}, its best result {best.Strategy} with at most {ClaudBot.Cluster.Jobs.PortfolioJobSettings.LaneLabel(best.MaxPositions)} on 5 symbols, {best.From} to {best.To}", Text(losses), StringComparison.Ordinal);
        var open = Assert.Single(losses.Parts.OfType<TablePart>(), t => t.Title == "Trades open during them");
        Assert.Equal(["#", "Symbol", "Entry", "Exit", "Return"], open.Columns);
        Assert.All(open.Rows, r => Assert.Contains(r[1], (string[])["TCS", "INFY", "RELIANCE", "SBIN", "ITC"]));
    }

    [Fact]
    public async Task APositionCountGivenTwice_IsRefusedInOneLine_AndQueuesNothing()
    {
        await using var bot = await StartAsync();

        var reply = await bot.SayAsync("portfolio backtest rsi(period=7|14) on TCS, INFY with 2|2 positions 2022-2024");

        Assert.False(reply.Succeeded);
        Assert.Contains("2 is given twice", Text(reply), StringComparison.Ordinal);
        // Refused while reading the phrase: nothing was started, so nothing can have been queued.
        Assert.Contains("The cluster is not running", Text(await bot.SayAsync("list jobs")), StringComparison.Ordinal);
    }

    private static string Percent(JsonElement metrics, string name) =>
        (metrics.GetProperty(name).GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
