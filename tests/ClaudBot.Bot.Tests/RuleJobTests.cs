using System.Globalization;
using ClaudBot.Backtesting;
using ClaudBot.Bot.Replies;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>Written rules as jobs on the local target: echoed before they run, saved, and run again by name.</summary>
public sealed class RuleJobTests
{
    private const string Rsi2 = "buy when rsi(2) < 10 and close > sma(200), sell when rsi(2) > 70";

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task ABacktestOfARule_EchoesItFirst_QueuesItAsItsCanonicalText_AndSaveItAsThenRunsItByName()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("start cluster");

        var queued = await bot.SayAsync($"backtest {Rsi2.Replace("close > sma(200)", "close is above sma(200)", StringComparison.Ordinal)} on TCS from 2022-01-01 to 2024-12-31");
        Assert.Equal($"Rule: {Rsi2}", ((TextPart)queued.Parts[0]).Text);
        string job = queued.FollowJob!;
        Assert.Equal($"Job {job} queued: 1 backtest ({Rsi2} on TCS, 2022-01-01 to 2024-12-31, cost 10 bps).", ((TextPart)queued.Parts[1]).Text);

        // It runs as the rule: the ranked row is the rule's canonical text, with the numbers of running it directly.
        var summary = await bot.Engine.FollowAsync(job, null, CancellationToken.None);
        var direct = await bot.Get<BacktestService>().RunAsync(new BacktestRequest(Rsi2, ["TCS"], new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31)), CancellationToken.None);
        var table = summary.Parts.OfType<TablePart>().First();
        var row = Assert.Single(table.Rows);
        Assert.Equal(Rsi2, row[table.Columns.ToList().IndexOf("Strategy")]);
        Assert.Equal(Assert.Single(direct.Results).Metrics.Sharpe.ToString("0.00", CultureInfo.InvariantCulture), row[table.Columns.ToList().IndexOf("Sharpe")]);
        Assert.Equal(Assert.Single(direct.Results).Metrics.Trades.ToString(CultureInfo.InvariantCulture), row[table.Columns.ToList().IndexOf("Trades")]);

        Assert.Equal($"Saved rsi2: {Rsi2}", Text(await bot.SayAsync("save it as rsi2")));
        var byName = await bot.SayAsync("backtest rsi2 on INFY 2023");
        Assert.Equal($"Rule: {Rsi2}", ((TextPart)byName.Parts[0]).Text);
        Assert.Equal($"Job {byName.FollowJob} queued: 1 backtest ({Rsi2} on INFY, 2023-01-01 to 2023-12-31, cost 10 bps).", ((TextPart)byName.Parts[1]).Text);

        var grid = await bot.SayAsync("run buy when rsi(2..6 step 2) < 5|10, sell when rsi(2) > 70 for TCS 2023");
        Assert.Equal("Rule: buy when rsi(2|4|6) < 5|10, sell when rsi(2) > 70 (6 combinations)", ((TextPart)grid.Parts[0]).Text);
        Assert.StartsWith($"Job {grid.FollowJob} queued: 6 backtests (", ((TextPart)grid.Parts[1]).Text, StringComparison.Ordinal);
    }
}
