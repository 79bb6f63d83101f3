using System.Globalization;
using System.Net;
using ClaudBot.Backtesting;

namespace ClaudBot.Dashboard.Tests;

/// <summary>The ranked table and the whole file of a finished job.</summary>
[Collection(NodeTests.Name)]
public sealed class ResultsApiTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task Results_RankBySharpe_AsRunningTheSameBacktestsDirectly()
    {
        string[] symbols = ["TCS", "INFY", "RELIANCE"];
        string id = (await Node.SubmitAsync("rsi,macd,momentum", symbols, "2021-06-01", "2023-12-31")).GetProperty("id").GetString()!;
        await Node.WaitFinishedAsync(id);

        var summary = await Node.GetJsonAsync($"/api/jobs/{id}/results?top=5");
        var report = await Node.Get<BacktestService>().RunAsync(new BacktestRequest("rsi,macd,momentum", symbols, new DateOnly(2021, 6, 1), new DateOnly(2023, 12, 31)) { CostBps = 10 }, CancellationToken.None);
        var expected = report.Results
            .OrderByDescending(r => r.Metrics.Sharpe).ThenByDescending(r => r.Metrics.TotalReturn)
            .Take(5).ToList();

        var top = summary.GetProperty("top").EnumerateArray().ToList();
        Assert.Equal(5, top.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Symbol, top[i].GetProperty("symbol").GetString());
            Assert.Equal(expected[i].Strategy.Name, top[i].GetProperty("strategy").GetString());
            Assert.Equal(expected[i].Metrics.Sharpe, top[i].GetProperty("sharpe").GetDouble(), 9);
            Assert.Equal(expected[i].Metrics.TotalReturn, top[i].GetProperty("total_return").GetDouble(), 9);
            Assert.Equal(expected[i].Metrics.Trades, top[i].GetProperty("trades").GetInt32());
        }

        Assert.Equal(9, summary.GetProperty("tasks_total").GetInt32());
        Assert.Equal(9, summary.GetProperty("tasks_done").GetInt32());
        Assert.Equal(0, summary.GetProperty("failures_total").GetInt32());
        Assert.Equal(3, summary.GetProperty("best_by_symbol").GetArrayLength());
        Assert.True(summary.GetProperty("timings").GetProperty("total_seconds").GetDouble() >= 0);
        Assert.Equal("completed", summary.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Full_StreamsTheResultsFileByteForByte()
    {
        string id = (await Node.SubmitAsync("sma_cross,bollinger", ["ITC", "LT"])).GetProperty("id").GetString()!;
        await Node.WaitFinishedAsync(id);

        using var response = await Node.Client.GetAsync($"/api/jobs/{id}/results?full=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        byte[] served = await response.Content.ReadAsByteArrayAsync();
        byte[] onDisk = await File.ReadAllBytesAsync(Path.Combine(Node.ResultsDirectory, string.Create(CultureInfo.InvariantCulture, $"job_{id}.json")));
        Assert.Equal(onDisk.Length, served.Length);
        Assert.True(onDisk.AsSpan().SequenceEqual(served));
        Assert.Contains("\"trades\"", System.Text.Encoding.UTF8.GetString(served), StringComparison.Ordinal);
    }
}
