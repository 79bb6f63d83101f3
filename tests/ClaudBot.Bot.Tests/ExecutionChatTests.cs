using System.Text.Json;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using static ClaudBot.Bot.Tests.BotHarness;

namespace ClaudBot.Bot.Tests;

/// <summary>Costs said in chat: named in the queued line, recorded in the job, charged on every trade.</summary>
public sealed class ExecutionChatTests
{
    private static readonly JobSpec Spec = new("rsi", ["TCS"], new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31), 0, "olga", new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Request_NamesTheModel_AndOnlyTheFillsThatAreNotTheDefaults()
    {
        Assert.Equal("rsi on TCS, 2022-01-01 to 2024-12-31, cost 0 bps", JobText.Request(Spec));
        Assert.Equal("rsi on TCS, 2022-01-01 to 2024-12-31, cost 10 bps", JobText.Request(Spec with { CostBps = 10, Costs = "bps:10", Size = "all", WholeShares = false }));
        Assert.Equal(
            "rsi on TCS, 2022-01-01 to 2024-12-31, costs zerodha-delivery, slippage 5 bps, size pct:10, whole shares",
            JobText.Request(Spec with { Costs = "zerodha-delivery", SlippageBps = 5, Size = "pct:10", WholeShares = true }));
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task ZerodhaDeliveryInChat_IsQueuedByName_AndPaysTheFeesTheCliRunPays()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var queued = await bot.SayAsync("backtest rsi on TCS from 2022-01-01 to 2024-12-31 with zerodha delivery charges");
        string job = queued.FollowJob!;
        Assert.Contains($"Job {job} queued: 1 backtest (rsi on TCS, 2022-01-01 to 2024-12-31, costs zerodha-delivery, whole shares).", Text(queued), StringComparison.Ordinal);
        var summary = await bot.Engine.FollowAsync(job, new Progress<JobStatus>(), CancellationToken.None);

        var json = Assert.Single((await bot.SayAsync($"json of job {job}")).Parts.OfType<DocumentPart>());
        using var document = JsonDocument.Parse(json.Content);
        Assert.Equal("zerodha-delivery", document.RootElement.GetProperty("spec").GetProperty("costs").GetString());
        var result = Assert.Single(document.RootElement.GetProperty("results").EnumerateArray().ToList());
        // A cluster job's results keep metrics, not trade lists (each trade's fees: JobExecutionTests, by a rerun of the spec).
        Assert.False(result.TryGetProperty("trades", out _));
        Assert.True(result.GetProperty("metrics").GetProperty("trades").GetInt32() > 0);
        double fees = result.GetProperty("metrics").GetProperty("fees").GetDouble();

        // The ranked table the chat shows carries the same fees, through the node's stored summary (read by column name).
        var ranked = summary.Parts.OfType<TablePart>().First();
        Assert.Equal(RupeesText.Compact(fees), Assert.Single(ranked.Rows)[ranked.Columns.ToList().IndexOf("Fees")]);
        // The same run as the CLI's BacktestFeesCliTests: rsi on TCS, 2022 to 2024, zerodha-delivery paid Rs 5,801.68.
        Assert.Equal(5801.68252633225, fees, 1e-6);
        Assert.Equal("5.8k", Assert.Single(ranked.Rows)[ranked.Columns.ToList().IndexOf("Fees")]);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task ASizeThatBuysZeroWholeShares_IsSaidUnderTheRankedTable()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var queued = await bot.SayAsync("backtest rsi on TCS from 2022-01-01 to 2024-12-31 with zerodha delivery charges and 3000 rupees per trade");
        var summary = await bot.Engine.FollowAsync(queued.FollowJob!, new Progress<JobStatus>(), CancellationToken.None);

        // TCS traded above Rs 3,000 in all three years: as the CLI's BacktestFeesCliTests shows, rsi's two entries bought nothing.
        Assert.Contains(
            "The result skipped 2 entries: the size bought zero whole shares (a larger size, or fractional shares, takes them).",
            summary.Parts.OfType<TextPart>().Select(p => p.Text));
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task StopSaidInChat_IsWrittenIntoTheStrategy_AndItsResultNamesIt()
    {
        await using var bot = await StartAsync();
        Assert.Contains("Cluster started", Text(await bot.SayAsync("start cluster")), StringComparison.Ordinal);

        var queued = await bot.SayAsync("backtest sma_cross on TCS from 2022-01-01 to 2024-12-31 with a 2% stop");
        string job = queued.FollowJob!;
        Assert.Contains($"Job {job} queued: 1 backtest (sma_cross(stop=2%) on TCS, 2022-01-01 to 2024-12-31", Text(queued), StringComparison.Ordinal);
        await bot.Engine.FollowAsync(job, new Progress<JobStatus>(), CancellationToken.None);

        var json = Assert.Single((await bot.SayAsync($"json of job {job}")).Parts.OfType<DocumentPart>());
        using var document = JsonDocument.Parse(json.Content);
        var result = Assert.Single(document.RootElement.GetProperty("results").EnumerateArray().ToList());
        Assert.Equal(2, result.GetProperty("params").GetProperty("stop").GetDouble());
        Assert.True(result.GetProperty("metrics").GetProperty("trades").GetInt32() > 0);
    }
}
