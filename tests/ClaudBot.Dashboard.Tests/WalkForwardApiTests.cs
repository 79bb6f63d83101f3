using System.Net;
using System.Text.Json;

namespace ClaudBot.Dashboard.Tests;

/// <summary>A walk-forward submitted through the API and its report read back from it.</summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class WalkForwardApiTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task AWalkForwardJob_HasItsReport_WithAPickPerWindow_AndTheStitchedCurve()
    {
        var walkForward = new { @in = "2 years", @out = "6 months", objective = "cagr", min_trades = 1 };
        using var response = await Node.Client.PostAsync("/api/jobs", DashboardNode.Json(new { strategies = "rsi(period=7|14)", symbols = new[] { "TCS", "INFY" }, from = "2021-01-01", to = "2024-12-31", cost_bps = 10, walk_forward = walkForward }));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var created = JsonDocument.Parse(body).RootElement;
        string id = created.GetProperty("id").GetString()!;
        Assert.Equal(2 * 4 * 2, created.GetProperty("tasks_total").GetInt32());
        Assert.Equal(24, created.GetProperty("spec").GetProperty("walk_forward").GetProperty("in_sample").GetProperty("months").GetInt32());

        var job = await Node.WaitFinishedAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal($"/api/jobs/{id}/walkforward", job.GetProperty("walk_forward_url").GetString());
        var report = await Node.GetJsonAsync($"/api/jobs/{id}/walkforward");

        Assert.Equal(id, report.GetProperty("job_id").GetString());
        Assert.Equal(4, report.GetProperty("windows").GetArrayLength());
        var symbols = report.GetProperty("symbols").EnumerateArray().ToArray();
        Assert.Equal(["TCS", "INFY"], symbols.Select(s => s.GetProperty("symbol").GetString()));
        foreach (var symbol in symbols)
        {
            Assert.Equal(4, symbol.GetProperty("windows").GetArrayLength());
            Assert.All(symbol.GetProperty("windows").EnumerateArray(), w => Assert.StartsWith("rsi(period=", w.GetProperty("parameters").GetString(), StringComparison.Ordinal));
            int bars = symbol.GetProperty("dates").GetArrayLength();
            Assert.Equal(bars, symbol.GetProperty("stitched").GetProperty("equity").GetArrayLength());
            Assert.Equal(bars, symbol.GetProperty("buy_hold").GetProperty("equity").GetArrayLength());
            Assert.Equal("rsi(period=14, lower=30, upper=70)", symbol.GetProperty("default_parameters").GetString());
        }
    }

    [Fact]
    public async Task APlainJob_HasNoWalkForward_AndABadLength_IsRefusedNamingTheField()
    {
        string id = (await Node.SubmitAsync("rsi", ["TCS"], "2022-01-01", "2022-12-31")).GetProperty("id").GetString()!;
        await Node.WaitFinishedAsync(id);
        using var plain = await Node.Client.GetAsync($"/api/jobs/{id}/walkforward");
        Assert.Equal(HttpStatusCode.Conflict, plain.StatusCode);
        Assert.Contains("is not a walk-forward", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Node.Client.GetAsync("/api/jobs/zzzzzz/walkforward")).StatusCode);

        using var bad = await Node.Client.PostAsync("/api/jobs", DashboardNode.Json(new { strategies = "rsi", symbols = new[] { "TCS" }, from = "2021-01-01", to = "2024-12-31", walk_forward = new { @in = "2 fortnights", @out = "6 months" } }));
        string problem = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"field\":\"walk_forward\"", problem, StringComparison.Ordinal);
        Assert.Contains("'2 fortnights' is not a length", problem, StringComparison.Ordinal);
    }
}
