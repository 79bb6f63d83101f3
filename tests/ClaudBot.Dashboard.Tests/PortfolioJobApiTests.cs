using System.Net;
using System.Text.Json;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// A portfolio job submitted through the API: its spec and rows (one lane per positions count), and its report
/// (<c>GET /api/jobs/{id}/portfolio</c>) checked against <c>POST /api/portfolio</c> run with the same setting, so the job's
/// rerun and the direct run must agree to the last bit; what it cannot answer is a 400 naming the field or a 409.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class PortfolioJobApiTests(NodeFixture fixture)
{
    private static readonly string[] Universe = ["TCS", "INFY", "RELIANCE", "SBIN", "ITC"];

    // The lanes' labels as docs/portfolio.md spells them: a result's symbol in a portfolio job.
    private static readonly string[] Lanes = ["1 position", "2 positions", "3 positions"];

    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task APortfolioJob_HasItsSettingsAndALanePerPositionsCount_AndItsBestReport_IsPostPortfoliosAnswer()
    {
        var (id, job) = await SubmitFinishedAsync();

        var portfolio = job.GetProperty("spec").GetProperty("portfolio");
        Assert.Equal([1, 2, 3], portfolio.GetProperty("max_positions").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(("strength", "slots"), (portfolio.GetProperty("rank").GetString(), portfolio.GetProperty("size").GetString()));
        Assert.Equal($"/api/jobs/{id}/portfolio", job.GetProperty("portfolio_url").GetString());
        Assert.Equal(2 * Lanes.Length, job.GetProperty("tasks_done").GetInt32()); // two parameter sets, each once per lane

        var summary = await Node.GetJsonAsync($"/api/jobs/{id}/results?top=100");
        var rows = summary.GetProperty("top").EnumerateArray().ToArray();
        Assert.Equal(2 * Lanes.Length, rows.Length);
        Assert.Equal(Lanes, rows.Select(r => r.GetProperty("symbol").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Lanes, summary.GetProperty("best_by_symbol").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()).Order(StringComparer.Ordinal));

        var report = await Node.GetJsonAsync($"/api/jobs/{id}/portfolio");
        var best = rows[0];
        Assert.Equal(best.GetProperty("strategy_text").GetString(), report.GetProperty("strategy").GetString());
        Assert.Equal(best.GetProperty("symbol").GetString(), LaneOf(report.GetProperty("max_positions").GetInt32()));
        Assert.Equal(Universe.Length, report.GetProperty("symbols").GetInt32());
        AssertIsTheRow(best, report);
        AssertSamePortfolio(await PostPortfolioAsync(report), report);
    }

    [Fact]
    public async Task ANamedSetting_IsThatRowsPortfolio_AndAPositionsCountNotTriedOrNotANumber_IsRefused()
    {
        var (id, _) = await SubmitFinishedAsync();
        var rows = (await Node.GetJsonAsync($"/api/jobs/{id}/results?top=100")).GetProperty("top").EnumerateArray().ToArray();
        var other = rows[^1]; // the worst: not the best setting the plain URL answers with
        string strategy = other.GetProperty("strategy_text").GetString()!;
        int positions = Array.IndexOf(Lanes, other.GetProperty("symbol").GetString()) + 1;

        var report = await Node.GetJsonAsync($"/api/jobs/{id}/portfolio?strategy={Uri.EscapeDataString(strategy)}&positions={positions}");
        Assert.Equal((strategy, positions), (report.GetProperty("strategy").GetString(), report.GetProperty("max_positions").GetInt32()));
        AssertIsTheRow(other, report);
        AssertSamePortfolio(await PostPortfolioAsync(report), report);

        var notANumber = await ProblemAsync(await Node.Client.GetAsync($"/api/jobs/{id}/portfolio?positions=abc"));
        Assert.Equal((HttpStatusCode.BadRequest, "positions", "'abc' is not a positions count: use one of the job's, e.g. 5."), notANumber);
        var notTried = await ProblemAsync(await Node.Client.GetAsync($"/api/jobs/{id}/portfolio?strategy={Uri.EscapeDataString(strategy)}&positions=7"));
        Assert.Equal((HttpStatusCode.Conflict, null, $"Job {id} tried 1, 2, 3 positions, not 7."), notTried);
        var noCount = await ProblemAsync(await Node.Client.GetAsync($"/api/jobs/{id}/portfolio?strategy={Uri.EscapeDataString(strategy)}"));
        Assert.Equal((HttpStatusCode.Conflict, null, $"Job {id} tried 1, 2, 3 positions: say which one with the strategy."), noCount);

        // A count alone: the best setting of that count, as the results' best per lane names it.
        var bestPerLane = (await Node.GetJsonAsync($"/api/jobs/{id}/results?top=100")).GetProperty("best_by_symbol").EnumerateArray().Single(r => r.GetProperty("symbol").GetString() == LaneOf(positions));
        var laneBest = await Node.GetJsonAsync($"/api/jobs/{id}/portfolio?positions={positions}");
        Assert.Equal((bestPerLane.GetProperty("strategy_text").GetString(), positions), (laneBest.GetProperty("strategy").GetString(), laneBest.GetProperty("max_positions").GetInt32()));
        AssertIsTheRow(bestPerLane, laneBest);
    }

    [Fact]
    public async Task APlainJob_HasNoPortfolio_AndAnUnknownOrMalformedId_IsNamed()
    {
        var plain = await Node.SubmitAsync("rsi", ["TCS"], "2022-01-01", "2022-12-31");
        string id = plain.GetProperty("id").GetString()!;
        var job = await Node.WaitFinishedAsync(id);
        Assert.False(job.TryGetProperty("portfolio_url", out var url) && url.ValueKind != JsonValueKind.Null, "a plain job names a portfolio report");

        var notPortfolio = await ProblemAsync(await Node.Client.GetAsync($"/api/jobs/{id}/portfolio"));
        Assert.Equal((HttpStatusCode.Conflict, null, $"Job {id} is not a portfolio job; its results are a ranked table ('results of job {id}')."), notPortfolio);
        Assert.Equal(HttpStatusCode.NotFound, (await ProblemAsync(await Node.Client.GetAsync("/api/jobs/zzzzzz/portfolio"))).Status);
        var malformed = await ProblemAsync(await Node.Client.GetAsync("/api/jobs/NOT-AN-ID/portfolio"));
        Assert.Equal((HttpStatusCode.BadRequest, "id"), (malformed.Status, malformed.Field));
    }

    [Theory]
    [InlineData("""{"portfolio":{"rank":"strength"}}""", "A portfolio job needs max_positions: one or more position counts, e.g. [5, 10, 20].")]
    [InlineData("""{"size":"pct:10","portfolio":{"max_positions":[2]}}""", "A portfolio job is sized by its portfolio size (slots, pct:P or amount:A), not by size 'pct:10'.")]
    [InlineData("""{"walk_forward":{"in":"2 years","out":"6 months"},"portfolio":{"max_positions":[2]}}""", "A job is a walk-forward or a portfolio, not both: ask for them one at a time.")]
    public async Task APortfolioJobItCannotPlan_IsA400NamingPortfolio(string extra, string detail)
    {
        // The valid job around the part under test: its first brace opens the object the extra fields join.
        string json = """{"strategies":"rsi","symbols":["TCS","INFY"],"from":"2021-01-01","to":"2024-12-31",""" + extra[1..];
        using var response = await Node.Client.PostAsync("/api/jobs", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, "portfolio", detail), await ProblemAsync(response));
    }

    private async Task<(string Id, JsonElement Job)> SubmitFinishedAsync()
    {
        var body = new { strategies = "rsi(period=7|14)", symbols = Universe, from = "2021-01-01", to = "2024-12-31", costs = "bps:10", portfolio = new { max_positions = new[] { 1, 2, 3 }, rank = "strength", size = "slots" } };
        using var response = await Node.Client.PostAsync("/api/jobs", DashboardNode.Json(body));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        string id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
        var job = await Node.WaitFinishedAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", job.GetProperty("state").GetString());
        return (id, job);
    }

    /// <summary>The same setting asked of <c>POST /api/portfolio</c>: the report's strategy and positions, the job's universe, dates, costs, rank and size.</summary>
    private async Task<JsonElement> PostPortfolioAsync(JsonElement report)
    {
        var body = new
        {
            strategy = report.GetProperty("strategy").GetString(),
            symbols = Universe,
            from = "2021-01-01",
            to = "2024-12-31",
            max_positions = report.GetProperty("max_positions").GetInt32(),
            rank = "strength",
            size = "slots",
            costs = "bps:10",
        };
        using var response = await Node.Client.PostAsync("/api/portfolio", DashboardNode.Json(body));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every part of the two reports as JSON text (so doubles compare exactly), but the notes, which only the direct run writes.</summary>
    private static void AssertSamePortfolio(JsonElement direct, JsonElement fromJob)
    {
        Assert.True(fromJob.GetProperty("portfolio").GetProperty("trades").GetInt32() > 0, "the setting traded nothing: the comparison proves little");
        var names = fromJob.EnumerateObject().Select(p => p.Name).Where(n => n != "notes").ToArray();
        Assert.Contains("equity", names);
        Assert.Contains("buy_hold_equity", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), direct.EnumerateObject().Select(p => p.Name).Where(n => n != "notes").Order(StringComparer.Ordinal));
        foreach (string name in names)
        {
            Assert.True(direct.GetProperty(name).GetRawText() == fromJob.GetProperty(name).GetRawText(), $"'{name}' differs between POST /api/portfolio and the job's report");
        }
    }

    /// <summary>The report reruns the row's setting: its figures are the row's, and the row's benchmark is the report's buy and hold.</summary>
    private static void AssertIsTheRow(JsonElement row, JsonElement report)
    {
        var figures = report.GetProperty("portfolio");
        foreach (string metric in new[] { "total_return", "cagr", "sharpe", "max_drawdown", "final_equity" })
        {
            Assert.True(row.GetProperty(metric).GetDouble() == figures.GetProperty(metric).GetDouble(), $"{metric}: row {row.GetProperty(metric)}, report {figures.GetProperty(metric)}");
        }

        Assert.Equal(row.GetProperty("trades").GetInt32(), figures.GetProperty("trades").GetInt32());
        Assert.Equal(report.GetProperty("buy_hold").GetProperty("total_return").GetDouble(), row.GetProperty("benchmark_return").GetDouble(), 12);
    }

    private static string LaneOf(int positions) => Lanes[positions - 1];

    private static async Task<(HttpStatusCode Status, string? Field, string? Detail)> ProblemAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            string? field = problem.TryGetProperty("field", out var f) ? f.GetString() : null;
            return (response.StatusCode, field, problem.TryGetProperty("detail", out var d) ? d.GetString() : null);
        }
    }
}
