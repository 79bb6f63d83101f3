using System.Net;
using ClaudBot.Backtesting;

namespace ClaudBot.Dashboard.Tests;

/// <summary>The daily equity of one result, run again for the job page's chart.</summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class EquityApiTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task Equity_OfTheBestResult_IsTheEnginesDailyCurve_WithBuyAndHoldOnTheSameDays()
    {
        string id = (await Node.SubmitAsync("rsi", ["TCS"], "2021-06-01", "2023-12-31")).GetProperty("id").GetString()!;
        await Node.WaitFinishedAsync(id);
        var best = (await Node.GetJsonAsync($"/api/jobs/{id}/results?top=1")).GetProperty("top")[0];
        string strategy = best.GetProperty("strategy_text").GetString()!;

        var curves = await Node.GetJsonAsync($"/api/jobs/{id}/equity?strategy={Uri.EscapeDataString(strategy)}&symbol=TCS");

        var direct = (await Node.Get<BacktestService>().RunAsync(new BacktestRequest(strategy, ["TCS"], new DateOnly(2021, 6, 1), new DateOnly(2023, 12, 31)) { CostBps = 10, IncludeEquity = true }, CancellationToken.None)).Results[0];
        var equity = curves.GetProperty("equity").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var dates = curves.GetProperty("dates").EnumerateArray().Select(e => e.GetString()).ToList();
        var hold = curves.GetProperty("buy_hold").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(direct.Equity!, equity);
        Assert.Equal(equity.Count, dates.Count);
        Assert.Equal(equity.Count, hold.Count);
        Assert.Equal(direct.Range.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), dates[0]);
        Assert.Equal(best.GetProperty("final_equity").GetDouble(), equity[^1], 6);

        // The result's trades come with its curve, named as in the results file.
        var trades = curves.GetProperty("trades").EnumerateArray().ToList();
        Assert.Equal(direct.Trades.Count, trades.Count);
        Assert.Equal(best.GetProperty("trades").GetInt32(), trades.Count);
        Assert.Equal(
            direct.Trades.Select(t => (t.EntryDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), t.ExitPrice, t.IsOpen)),
            trades.Select(t => (t.GetProperty("entry_date").GetString()!, t.GetProperty("exit_price").GetDouble(), t.GetProperty("open").GetBoolean())));
    }

    [Theory]
    [InlineData("strategy=rsi&symbol=WIPRO", "symbol")]
    [InlineData("strategy=nonsense(x=1)&symbol=TCS", "strategy")]
    [InlineData("symbol=TCS", "strategy")]
    public async Task Equity_RefusesWhatTheJobDidNotRun_NamingTheField(string query, string field)
    {
        string id = (await Node.SubmitAsync("rsi", ["TCS"], "2022-01-01", "2022-12-31")).GetProperty("id").GetString()!;
        var response = await Node.Client.GetAsync($"/api/jobs/{id}/equity?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"field\":\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Node.Client.GetAsync("/api/jobs/zzzzzz/equity?strategy=rsi&symbol=TCS")).StatusCode);
    }
}
