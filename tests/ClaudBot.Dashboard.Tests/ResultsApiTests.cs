using System.Globalization;
using System.Net;
using System.Text.Json;
using ClaudBot.Backtesting;

namespace ClaudBot.Dashboard.Tests;

/// <summary>The ranked table and the whole file of a finished job.</summary>
[Trait("Category", "RealServer")]
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
            Assert.Equal(expected[i].Market!.Benchmark.TotalReturn, top[i].GetProperty("benchmark_return").GetDouble(), 9);
            Assert.Equal(expected[i].Market!.ExcessReturn, top[i].GetProperty("excess_return").GetDouble(), 9);
            Assert.Equal(expected[i].Market!.Beta!.Value, top[i].GetProperty("beta").GetDouble(), 9);
            Assert.Equal(expected[i].Market!.Alpha!.Value, top[i].GetProperty("alpha").GetDouble(), 9);
            Assert.Equal(expected[i].Market!.Index, top[i].GetProperty("market_index").GetString());
            Assert.Equal(expected[i].Metrics.Fees, top[i].GetProperty("fees").GetDouble(), 6);
            Assert.Equal(expected[i].Metrics.Turnover, top[i].GetProperty("turnover").GetDouble(), 9);
            Assert.Equal(0, top[i].GetProperty("skipped_entries").GetInt32());
        }

        Assert.Equal(9, summary.GetProperty("tasks_total").GetInt32());
        Assert.Equal(9, summary.GetProperty("tasks_done").GetInt32());
        Assert.Equal(0, summary.GetProperty("failures_total").GetInt32());
        Assert.Equal(3, summary.GetProperty("best_by_symbol").GetArrayLength());
        Assert.True(summary.GetProperty("timings").GetProperty("total_seconds").GetDouble() >= 0);
        Assert.Equal("completed", summary.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Full_StreamsEveryResultAsJson_TheExportOfTheStoredRows()
    {
        string id = (await Node.SubmitAsync("sma_cross,bollinger", ["ITC", "LT"])).GetProperty("id").GetString()!;
        await Node.WaitFinishedAsync(id);

        using var response = await Node.Client.GetAsync($"/api/jobs/{id}/results?full=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        byte[] served = await response.Content.ReadAsByteArrayAsync();
        string path = Path.Combine(Node.ResultsDirectory, string.Create(CultureInfo.InvariantCulture, $"job_{id}.json"));
        using var exported = new MemoryStream();
        await ClaudBot.Cluster.Results.Store.ResultsExport.WriteAsync(path, exported, CancellationToken.None);
        Assert.True(exported.ToArray().AsSpan().SequenceEqual(served));

        // The file on disk holds the names the rows refer to, not the results; the export holds every result.
        using var file = JsonDocument.Parse(await File.ReadAllBytesAsync(path));
        Assert.False(file.RootElement.TryGetProperty("results", out _));
        Assert.Equal(4, file.RootElement.GetProperty("store").GetProperty("rows").GetInt32());
        using var document = JsonDocument.Parse(served);
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(["ITC", "ITC", "LT", "LT"], results.Select(r => r.GetProperty("symbol").GetString()));
        Assert.All(results, r => Assert.True(r.GetProperty("metrics").TryGetProperty("sharpe", out _)));
        Assert.False(document.RootElement.TryGetProperty("store", out _));
        Assert.Equal(id, document.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Summary_IsStoredByTheDriverWhenTheJobFinishes_AndServedWithoutReadingTheResultsFile()
    {
        string id = (await Node.SubmitAsync("rsi,macd", ["TCS", "INFY"])).GetProperty("id").GetString()!;
        await Node.WaitFinishedAsync(id);
        string results = Path.Combine(Node.ResultsDirectory, string.Create(CultureInfo.InvariantCulture, $"job_{id}.json"));
        string stored = Path.Combine(Node.ResultsDirectory, string.Create(CultureInfo.InvariantCulture, $"job_{id}.summary.json"));
        Assert.True(File.Exists(stored), stored);
        var before = await Node.GetJsonAsync($"/api/jobs/{id}/results?top=3");

        // A results file that no longer parses: only the stored summary can answer now.
        await File.WriteAllTextAsync(results, "not json");
        var after = await Node.GetJsonAsync($"/api/jobs/{id}/results?top=3");

        Assert.Equal(before.ToString(), after.ToString());
        Assert.Equal(3, after.GetProperty("top").GetArrayLength());
        Assert.Equal(4, after.GetProperty("tasks_done").GetInt32());
    }

    [Fact]
    public async Task Spec_RecordsCapitalDataFingerprintAndEngineVersion_TheSameForTheSameData()
    {
        var first = await Node.SubmitAsync("rsi", ["TCS", "INFY"]);
        var second = await Node.SubmitAsync("macd", ["TCS", "INFY"]);
        var other = await Node.SubmitAsync("rsi", ["TCS", "WIPRO"]);

        var spec = first.GetProperty("spec");
        Assert.Equal(1_000_000, spec.GetProperty("initial_capital").GetDouble());
        Assert.Matches("^xxh3:[0-9a-f]{16}$", spec.GetProperty("data_fingerprint").GetString());
        Assert.Equal(spec.GetProperty("data_fingerprint").GetString(), second.GetProperty("spec").GetProperty("data_fingerprint").GetString());
        Assert.NotEqual(spec.GetProperty("data_fingerprint").GetString(), other.GetProperty("spec").GetProperty("data_fingerprint").GetString());
        Assert.Equal(ClaudBot.Cluster.Jobs.EngineVersion.Current, spec.GetProperty("engine_version").GetString());
    }
}
