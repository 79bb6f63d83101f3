using ClaudBot.Backtesting;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// A job whose strategy is a rule runs on the cluster like any other: the text reaches the job unchanged, each grid
/// point is a task, and the results name each one by its canonical rule with the numbers a direct backtest gives.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class RuleJobTests(NodeFixture fixture)
{
    private const string Typed = "BUY WHEN rsi(2..3) IS BELOW 10 then sell when rsi(2) > 70";

    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task RuleText_ReachesTheJobUnchanged_WithATaskPerCombinationAndSymbol()
    {
        var submitted = await Node.SubmitAsync(Typed, ["TCS", "INFY"], "2021-06-01", "2023-12-31");
        string id = submitted.GetProperty("id").GetString()!;
        var shown = await Node.GetJsonAsync($"/api/jobs/{id}");

        Assert.Equal(Typed, submitted.GetProperty("spec").GetProperty("strategies").GetString());
        Assert.Equal(Typed, shown.GetProperty("spec").GetProperty("strategies").GetString());
        Assert.Equal(4, submitted.GetProperty("tasks_total").GetInt32());
        Assert.Equal(2, submitted.GetProperty("chunks_total").GetInt32()); // one chunk a symbol: the two rules share a chunk
        await Node.WaitFinishedAsync(id);
    }

    [Fact]
    public async Task RuleWithAGrid_RunsEveryCombination_AndItsResultsNameEachCanonicalRule()
    {
        string id = (await Node.SubmitAsync(Typed, ["TCS", "INFY"], "2021-06-01", "2023-12-31")).GetProperty("id").GetString()!;
        var done = await Node.WaitFinishedAsync(id);
        Assert.Equal(("completed", 4), (done.GetProperty("state").GetString(), done.GetProperty("tasks_done").GetInt32()));

        var rows = (await Node.GetJsonAsync($"/api/jobs/{id}/results?top=10")).GetProperty("top").EnumerateArray().ToList();
        var direct = await Node.Get<BacktestService>().RunAsync(
            new BacktestRequest(Typed, ["TCS", "INFY"], new DateOnly(2021, 6, 1), new DateOnly(2023, 12, 31)) { CostBps = 10 }, CancellationToken.None);
        Assert.Equal(
            ["buy when rsi(2) < 10, sell when rsi(2) > 70 on INFY", "buy when rsi(2) < 10, sell when rsi(2) > 70 on TCS",
             "buy when rsi(3) < 10, sell when rsi(2) > 70 on INFY", "buy when rsi(3) < 10, sell when rsi(2) > 70 on TCS"],
            rows.Select(r => $"{r.GetProperty("strategy_text").GetString()} on {r.GetProperty("symbol").GetString()}").Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var expected = direct.Results.Single(r => r.Strategy.ToString() == row.GetProperty("strategy_text").GetString() && r.Symbol == row.GetProperty("symbol").GetString());
            Assert.Equal(expected.Metrics.TotalReturn, row.GetProperty("total_return").GetDouble(), 12);
            Assert.Equal(expected.Metrics.Trades, row.GetProperty("trades").GetInt32());
        }
    }

    [Fact]
    public async Task Equity_OfALongRulesResult_IsItsDailyCurve()
    {
        const string Long = "buy when rsi(2) < 10 and close > sma(200) and close > ema(50) and volume > sma(20, volume) and atr(14) < close * 0.05 "
            + "and macd(12, 26) > macd_signal(12, 26, 9), sell when rsi(2) > 70 or close < lowest(10, low[1]) or close crosses below bb_lower(20, 2)";
        Assert.InRange(Long.Length, 201, 2_000); // past the 200 characters a built-in's text ever needed
        string id = (await Node.SubmitAsync(Long, ["TCS"], "2021-06-01", "2023-12-31")).GetProperty("id").GetString()!;
        await Node.WaitFinishedAsync(id);
        var row = (await Node.GetJsonAsync($"/api/jobs/{id}/results?top=1")).GetProperty("top")[0];
        string strategy = row.GetProperty("strategy_text").GetString()!;

        var curves = await Node.GetJsonAsync($"/api/jobs/{id}/equity?strategy={Uri.EscapeDataString(strategy)}&symbol=TCS");

        Assert.Equal(Long, strategy);
        Assert.Equal(strategy, curves.GetProperty("strategy").GetString());
        Assert.Equal(row.GetProperty("final_equity").GetDouble(), curves.GetProperty("equity").EnumerateArray().Last().GetDouble(), 6);
    }
}
