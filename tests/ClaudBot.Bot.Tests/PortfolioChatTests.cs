using System.Globalization;
using System.Text.Json;
using ClaudBot.Bot.Replies;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>
/// "portfolio backtest ... with at most N positions" in chat, answered by a real node's API: the issue's 5-symbol, 2-slot
/// rsi case shows the independent reference's figures (tests/reference/portfolio_reference.py) beside the equal-weight
/// buy and hold, each symbol's contribution and the chart; with the node stopped, the same answer from this machine.
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
    public async Task AGrid_IsRefusedInOneLine_BecauseAPortfolioRunsOneParameterSet()
    {
        await using var bot = await StartAsync();

        var reply = await bot.SayAsync("portfolio backtest rsi(period=7|14) on TCS, INFY with at most 2 positions 2022-2024");

        Assert.False(reply.Succeeded);
        Assert.Contains("A portfolio runs one parameter set on every symbol", Text(reply), StringComparison.Ordinal);
    }

    private static string Percent(JsonElement metrics, string name) =>
        (metrics.GetProperty(name).GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
