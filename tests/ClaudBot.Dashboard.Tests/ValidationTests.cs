using System.Net;
using System.Text;
using System.Text.Json;
using ClaudBot.Backtesting;
using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Dashboard.Tests;

/// <summary>POST /api/jobs rejects what the bot rejects, with the bot's message and the field's name.</summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class ValidationTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Theory]
    [InlineData("rsi", "TCS,NOSUCHCO", "2022-01-01", "2023-01-01", "symbols")]
    [InlineData("rsi", "", "2022-01-01", "2023-01-01", "symbols")]
    [InlineData("rsx", "TCS", "2022-01-01", "2023-01-01", "strategies")]
    [InlineData("rsi(period=0)", "TCS", "2022-01-01", "2023-01-01", "strategies")]
    [InlineData("rsi", "TCS", "2023-06-01", "2022-01-01", "from")]
    public async Task PlannerErrors_Are400WithTheBotsMessageAndTheField(string strategies, string symbols, string from, string to, string field)
    {
        string[] list = symbols.Length == 0 ? [] : symbols.Split(',');
        var problem = await PostExpecting400Async(new { strategies, symbols = list, from, to });
        Assert.Equal(field, problem.GetProperty("field").GetString());

        // The same one-line message as the bot gives: the planner's error through InputErrors.Describe.
        var planner = Node.Get<JobPlanner>();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => planner.PlanAsync(new JobRequest(strategies, list, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), "test"), CancellationToken.None));
        Assert.Equal(InputErrors.Describe(error), problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("2022-13-01", "2023-01-01", "from")]
    [InlineData("2022-01-01", "yesterday", "to")]
    [InlineData(null, "2023-01-01", "from")]
    public async Task BadDate_Is400NamingIt(string? from, string to, string field)
    {
        var problem = await PostExpecting400Async(new { strategies = "rsi", symbols = new[] { "TCS" }, from, to });
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains("YYYY-MM-DD", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CostOutOfRange_Is400NamingCostBps()
    {
        var problem = await PostExpecting400Async(new { strategies = "rsi", symbols = new[] { "TCS" }, from = "2022-01-01", to = "2023-01-01", cost_bps = -5 });
        Assert.Equal("cost_bps", problem.GetProperty("field").GetString());
        Assert.StartsWith("Cost must be", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zerodha-delvery", null, null, "costs", "unknown cost model 'zerodha-delvery': did you mean zerodha-delivery? Known: bps:N, zerodha-delivery, zerodha-intraday")]
    [InlineData(null, -1.0, null, "slippage_bps", "Slippage must be at least 0 and below 10000 basis points.")]
    [InlineData(null, null, "half", "size", "'half' is not a size: write all, pct:P (P% of equity) or amount:A (A rupees).")]
    [InlineData(null, null, "amount:5000000", "size", "A size of Rs 5000000 must be above 0 and at most the initial capital (Rs 1000000).")]
    public async Task BadExecution_Is400NamingItsField(string? costs, double? slippage, string? size, string field, string detail)
    {
        var problem = await PostExpecting400Async(new { strategies = "rsi", symbols = new[] { "TCS" }, from = "2022-01-01", to = "2023-01-01", costs, slippage_bps = slippage, size });

        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Execution_IsRecordedInTheJobsSpec_WithTheModelsComponents()
    {
        using var response = await Node.Client.PostAsync("/api/jobs", DashboardNode.Json(new { strategies = "rsi", symbols = new[] { "TCS" }, from = "2022-01-01", to = "2024-12-31", costs = "zerodha-intraday", slippage_bps = 5, size = "pct:50" }));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        string id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;

        var job = await Node.WaitFinishedAsync(id);

        var spec = job.GetProperty("spec");
        Assert.Equal(("zerodha-intraday", 5.0, "pct:50", true), (spec.GetProperty("costs").GetString(), spec.GetProperty("slippage_bps").GetDouble(), spec.GetProperty("size").GetString(), spec.GetProperty("whole_shares").GetBoolean()));
        Assert.Equal(20, spec.GetProperty("cost_model").GetProperty("brokerage_flat").GetDouble());
    }

    [Theory]
    [InlineData("rsi", 150.0, null, "stop", "A stop of 150% is out of range: it must be above 0% and below 100%.")]
    [InlineData("rsi", null, -5.0, "target", "A target of -5% is out of range: it must be above 0%.")]
    [InlineData("hold while close > sma(50), stop 4%", 5.0, null, "strategies", "The rule already ends with a stop; give the stop in one place.")]
    public async Task BadExit_Is400NamingItsField(string strategies, double? stop, double? target, string field, string detail)
    {
        var problem = await PostExpecting400Async(new { strategies, symbols = new[] { "TCS" }, from = "2022-01-01", to = "2023-01-01", stop, target });

        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Exits_AreWrittenIntoTheJobsStrategies_AndNamedInItsResults()
    {
        using var response = await Node.Client.PostAsync("/api/jobs", DashboardNode.Json(new { strategies = "rsi,sma_cross(fast=10, slow=50)", symbols = new[] { "TCS" }, from = "2022-01-01", to = "2024-12-31", stop = 4, trail = 6 }));
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        string id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;

        var job = await Node.WaitFinishedAsync(id);

        Assert.Equal("rsi(stop=4%, trail=6%),sma_cross(fast=10, slow=50, stop=4%, trail=6%)", job.GetProperty("spec").GetProperty("strategies").GetString());
        using var results = await Node.Client.GetAsync($"/api/jobs/{id}/results?top=5");
        string summary = await results.Content.ReadAsStringAsync();
        Assert.Contains("sma_cross(fast=10, slow=50, stop=4%, trail=6%)", summary, StringComparison.Ordinal);
        Assert.Contains("rsi(period=14, lower=30, upper=70, stop=4%, trail=6%)", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongJsonType_Is400NamingTheField()
    {
        using var content = new StringContent("""{"strategies":"rsi","symbols":"TCS","from":"2022-01-01","to":"2023-01-01"}""", Encoding.UTF8, "application/json");
        using var response = await Node.Client.PostAsync("/api/jobs", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("symbols", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413Problem()
    {
        string padding = new('x', 70 * 1024);
        using var response = await Node.Client.PostAsync("/api/jobs", DashboardNode.Json(new { strategies = "rsi", symbols = new[] { "TCS" }, from = "2022-01-01", to = "2023-01-01", padding }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains("65536", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Is413Too()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"strategies\":\"" + new string('x', 70 * 1024) + "\"}");
        using var content = new StreamContent(new MemoryStream(bytes)); // no Content-Length: sent chunked
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await Node.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<JsonElement> PostExpecting400Async(object body)
    {
        using var response = await Node.Client.PostAsync("/api/jobs", DashboardNode.Json(body));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
