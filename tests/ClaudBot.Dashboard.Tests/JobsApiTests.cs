using System.Net;
using System.Text.Json;
using ClaudBot.Jobs;
using ClaudBot.Testing;

namespace ClaudBot.Dashboard.Tests;

/// <summary>Submitting, following, listing and cancelling jobs over real HTTP.</summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class JobsApiTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task Post_Returns201WithLocation_AndGetFollowsItToCompletion()
    {
        using var response = await Node.Client.PostAsync("/api/jobs", DashboardNode.Json(new { strategies = "rsi,macd", symbols = new[] { "TCS", "INFY" }, from = "2021-01-01", to = "2023-12-31", cost_bps = 10 }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        string id = job.GetProperty("id").GetString()!;
        Assert.Equal($"/api/jobs/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(4, job.GetProperty("tasks_total").GetInt32());
        Assert.Equal(["TCS", "INFY"], job.GetProperty("spec").GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("2021-01-01", job.GetProperty("spec").GetProperty("from").GetString());
        Assert.Equal(10, job.GetProperty("spec").GetProperty("cost_bps").GetDouble());

        var done = await Node.WaitFinishedAsync(id);
        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.Equal(4, done.GetProperty("tasks_done").GetInt32());
        Assert.Equal(1.0, done.GetProperty("progress").GetDouble());
        Assert.Equal($"/api/jobs/{id}/results", done.GetProperty("results_url").GetString());
    }

    [Fact]
    public async Task List_IsNewestFirst_PagesAndFiltersByState()
    {
        var ids = new List<string>();
        foreach (string symbol in (string[])["TCS", "INFY", "WIPRO"])
        {
            ids.Add((await Node.SubmitAsync("sma_cross", [symbol])).GetProperty("id").GetString()!);
            await Task.Delay(5); // distinct submission times, so "newest first" is defined
        }

        foreach (string id in ids)
        {
            await Node.WaitFinishedAsync(id);
        }

        var first = await Node.GetJsonAsync("/api/jobs?page=1&page_size=2");
        Assert.Equal([ids[2], ids[1]], first.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.Equal(2, first.GetProperty("page_size").GetInt32());
        var second = await Node.GetJsonAsync("/api/jobs?page=2&page_size=2");
        Assert.Equal(ids[0], second.GetProperty("items")[0].GetProperty("id").GetString());

        var completed = await Node.GetJsonAsync("/api/jobs?state=completed&page_size=100");
        var states = completed.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("state").GetString()).ToList();
        Assert.All(states, s => Assert.Equal("completed", s));
        Assert.Superset(ids.ToHashSet(), completed.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetString()!).ToHashSet());
        var running = await Node.GetJsonAsync("/api/jobs?state=running");
        Assert.DoesNotContain(running.GetProperty("items").EnumerateArray(), j => ids.Contains(j.GetProperty("id").GetString()!));
    }

    [Theory]
    [InlineData("/api/jobs?page=0", "page")]
    [InlineData("/api/jobs?page=x", "page")]
    [InlineData("/api/jobs?page_size=101", "page_size")]
    [InlineData("/api/jobs?page_size=0", "page_size")]
    [InlineData("/api/jobs?state=sleeping", "state")]
    [InlineData("/api/jobs/ABC!", "id")]
    [InlineData("/api/jobs/abcdefghijklmnopq", "id")]
    [InlineData("/api/jobs/abc234/results?top=0", "top")]
    [InlineData("/api/jobs/abc234/results?top=1001", "top")]
    public async Task BadQueryOrId_Is400ProblemNamingTheField(string path, string field)
    {
        using var response = await Node.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    // The empty id is not a job's route: /api/jobs//results is not matched by {id}.
    public static IEnumerable<object[]> InvalidIdsInAPath => JobIdSamples.Invalid.Where(row => ((string)row[0]).Length > 0);

    [Theory]
    [MemberData(nameof(JobIdSamples.Valid), MemberType = typeof(JobIdSamples))]
    public async Task JobId_ThatFollowsTheRule_IsLookedUp404WhenUnknown(string id)
    {
        using var response = await Node.Client.GetAsync($"/api/jobs/{Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(InvalidIdsInAPath))]
    public async Task JobId_ThatBreaksTheRule_Is400SayingTheRule(string id)
    {
        using var response = await Node.Client.GetAsync($"/api/jobs/{Uri.EscapeDataString(id)}/results");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("id", problem.GetProperty("field").GetString());
        Assert.Contains(JobId.Rule, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/jobs/zzzzzz")]
    [InlineData("GET", "/api/jobs/zzzzzz/results")]
    [InlineData("DELETE", "/api/jobs/zzzzzz")]
    [InlineData("GET", "/api/nothing-here")]
    public async Task Unknown_Is404Problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await Node.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunningJob_ResultsAre409_AndDeleteCancelsIt()
    {
        var symbols = new[] { "TCS", "INFY", "WIPRO", "ITC", "LT", "SBIN", "NTPC", "ONGC", "TITAN", "CIPLA", "BPCL", "HCLTECH" };
        string id = (await Node.SubmitAsync("rsi,macd,momentum,sma_cross,bollinger", symbols)).GetProperty("id").GetString()!;

        using (var results = await Node.Client.GetAsync($"/api/jobs/{id}/results"))
        {
            Assert.Equal(HttpStatusCode.Conflict, results.StatusCode);
            Assert.Contains(id, await results.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var cancel = await Node.Client.DeleteAsync($"/api/jobs/{id}");
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var cancelled = JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.True(cancelled.GetProperty("tasks_done").GetInt32() < 60);
        Assert.Equal("cancelled", (await Node.GetJsonAsync($"/api/jobs/{id}")).GetProperty("state").GetString());
    }
}
