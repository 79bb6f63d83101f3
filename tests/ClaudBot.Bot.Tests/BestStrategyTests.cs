using System.Globalization;
using ClaudBot.Backtesting;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>"which strategy works best on X": every built-in strategy's default grid, ranked, and a verdict naming the winner.</summary>
public sealed class BestStrategyTests
{
    [Trait("Category", "RealServer")]
    [Fact]
    public async Task WhichStrategyWorksBest_RunsEveryDefaultGrid_AndTheVerdictNamesTheBestSharpeOfTheDirectRun()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);
        int grid = StrategyParser.Parse(StrategyCatalog.EveryDefaultGrid).Parameters.Count;

        var queued = await bot.SayAsync("which strategy works best on TCS from 2021-01-01 to 2023-12-31");
        string job = queued.FollowJob!;
        Assert.Contains($"Job {job} queued: {grid} backtests (", Text(queued), StringComparison.Ordinal);
        var summary = await bot.Engine.FollowAsync(job, new Progress<JobStatus>(), CancellationToken.None);

        // The winner of the same backtests run directly, by the one ranking rule (Sharpe).
        var direct = await bot.Get<BacktestService>().RunAsync(
            new BacktestRequest(StrategyCatalog.EveryDefaultGrid, ["TCS"], new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31)), CancellationToken.None);
        Assert.Equal(grid, direct.Results.Count);
        Assert.Equal(StrategyCatalog.All.Count, direct.Results.Select(r => r.Strategy.Name).Distinct().Count());
        var best = direct.Results.MaxBy(r => r.Metrics.Sharpe)!;
        string verdict = Assert.Single(summary.Parts.OfType<TextPart>(), p => p.Text.StartsWith("Verdict", StringComparison.Ordinal)).Text;
        string who = best.Strategy.Name == "buy_hold" ? "buy and hold itself" : best.Strategy.ToString();
        Assert.StartsWith($"Verdict (best Sharpe per symbol): TCS: {who} (Sharpe {best.Metrics.Sharpe.ToString("0.00", CultureInfo.InvariantCulture)}", verdict, StringComparison.Ordinal);

        // A follow-up repeats what it ran: every default grid, now on INFY.
        var again = await bot.SayAsync("now the same for INFY");
        Assert.Contains($"Job {again.FollowJob} queued: {grid} backtests (", Text(again), StringComparison.Ordinal);
        Assert.Contains(" on INFY, 2021-01-01 to 2023-12-31", Text(again), StringComparison.Ordinal);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AViewer_CannotRunIt()
    {
        await using var bot = await StartAsync();

        var reply = await bot.SayAsync("which strategy works best on TCS", Viewer);

        Assert.Null(reply.FollowJob);
        Assert.Contains("your role (viewer) can only look", Text(reply), StringComparison.Ordinal);
    }
}
