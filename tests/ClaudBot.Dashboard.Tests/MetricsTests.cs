using System.Net;
using System.Net.Http.Headers;

namespace ClaudBot.Dashboard.Tests;

/// <summary>
/// GET /metrics on a real node (embedded Redis, driver, a worker): Prometheus text whose counts match the jobs run and
/// the cluster as /api/cluster shows it, refused exactly as /api is.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class MetricsTests
{
    private const string Token = "metrics-token-for-tests";

    [Fact]
    public async Task Metrics_AfterTwoJobs_CountTheirBacktestsChunksAndJobs_AndMatchTheCluster()
    {
        await using var node = await DashboardNode.StartAsync();
        string first = (await node.SubmitAsync("rsi,macd", ["TCS", "INFY"])).GetProperty("id").GetString()!;
        string second = (await node.SubmitAsync("sma_cross", ["WIPRO"])).GetProperty("id").GetString()!;
        var jobs = new[] { await node.WaitFinishedAsync(first), await node.WaitFinishedAsync(second) };
        Assert.All(jobs, j => Assert.Equal("completed", j.GetProperty("state").GetString()));

        // The API shows a job completed a moment before the driver counts its finish: wait for the count, then check all.
        var scrape = await ScrapeUntilAsync(node, s => s.Value("claudbot_jobs_finished_total", ("state", "completed")) >= 2);
        var cluster = await node.GetJsonAsync("/api/cluster");

        Assert.Equal(2, scrape.Value("claudbot_jobs_finished_total", ("state", "completed")));
        Assert.Equal(0, scrape.Value("claudbot_jobs_finished_total", ("state", "completed_with_errors")));
        Assert.Equal(2, scrape.Value("claudbot_jobs", ("state", "completed")));
        Assert.Equal(0, scrape.Value("claudbot_jobs", ("state", "running")) + scrape.Value("claudbot_jobs", ("state", "queued")));
        Assert.Equal(jobs.Sum(j => j.GetProperty("tasks_done").GetInt32()), scrape.Value("claudbot_backtests_completed_total", ("outcome", "done")));
        Assert.Equal(5, scrape.Value("claudbot_backtests_completed_total", ("outcome", "done")));
        Assert.Equal(0, scrape.Value("claudbot_backtests_completed_total", ("outcome", "failed")));
        Assert.Equal(jobs.Sum(j => j.GetProperty("chunks_total").GetInt32()), scrape.Value("claudbot_chunks_completed_total"));
        Assert.Equal(0, scrape.Value("claudbot_chunks_lease_expiries_total"));
        Assert.Equal(0, scrape.Value("claudbot_chunks_redeliveries_total"));
        Assert.Equal(0, scrape.Value("claudbot_queue_chunks"));

        var workers = cluster.GetProperty("workers").EnumerateArray().ToList();
        Assert.Equal(workers.Count, scrape.Value("claudbot_workers"));
        Assert.Equal(cluster.GetProperty("slots_total").GetInt32(), scrape.Value("claudbot_worker_slots"));
        Assert.Equal(cluster.GetProperty("slots_busy").GetInt32(), scrape.Value("claudbot_worker_slots_busy"));
        Assert.Equal(4, scrape.Value("claudbot_worker_slots"));
        string host = workers[0].GetProperty("host").GetString()!;
        double age = scrape.Value("claudbot_worker_heartbeat_age_seconds", ("host", host));
        Assert.InRange(age, 0, 30);

        Assert.Equal("counter", scrape.Types["claudbot_backtests_completed_total"]);
        Assert.Equal("gauge", scrape.Types["claudbot_jobs"]);
    }

    [Fact]
    public async Task Metrics_IsRefusedLikeTheApi_WithoutTheToken_AndForAForeignHost()
    {
        await using (var tokenNode = await DashboardNode.StartAsync(new Dictionary<string, string?> { ["Dashboard:Token"] = Token }, bind: "0.0.0.0", cluster: false))
        {
            foreach (string? token in (string?[])[null, "wrong-token"])
            {
                var api = await StatusAsync(tokenNode, "/api/jobs", token);
                var metrics = await StatusAsync(tokenNode, "/metrics", token);
                Assert.Equal(HttpStatusCode.Unauthorized, metrics.Status);
                Assert.Equal(api, metrics);
            }

            Assert.Equal((HttpStatusCode.OK, "text/plain"), await StatusAsync(tokenNode, "/metrics", Token));
        }

        await using var loopbackNode = await DashboardNode.StartAsync(cluster: false);
        string foreign = $"attacker.example:{loopbackNode.Port}";
        var foreignApi = await StatusAsync(loopbackNode, "/api/jobs", null, foreign);
        var foreignMetrics = await StatusAsync(loopbackNode, "/metrics", null, foreign);
        Assert.Equal(HttpStatusCode.BadRequest, foreignMetrics.Status);
        Assert.Equal(foreignApi, foreignMetrics);
        Assert.Equal((HttpStatusCode.OK, "text/plain"), await StatusAsync(loopbackNode, "/metrics", null));
    }

    private static async Task<PrometheusScrape> ScrapeUntilAsync(DashboardNode node, Func<PrometheusScrape, bool> ready)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            using var response = await node.Client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            var scrape = PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
            if (ready(scrape) || DateTime.UtcNow > until)
            {
                return scrape;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<(HttpStatusCode Status, string? MediaType)> StatusAsync(DashboardNode node, string path, string? token, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await node.Client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
    }
}
