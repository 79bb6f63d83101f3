using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ClaudBot.Testing;

namespace ClaudBot.Dashboard.Tests;

/// <summary>/healthz follows Redis: a real redis-server on loopback, killed mid-test.</summary>
[Trait("Category", "RealServer")]
public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_Is200_Then503AfterRedisStops()
    {
        using var folder = new TempDirectory("claudbot-dash-redis-");
        await using var redis = new RedisServerProcess(folder.Combine("redis"));
        await redis.StartAsync();
        await using var node = await DashboardNode.StartAsync(new Dictionary<string, string?> { ["Redis:ConnectionString"] = redis.ConnectionString }, cluster: false);

        using (var up = await node.Client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        await redis.CrashAsync();
        var until = Stopwatch.StartNew();
        while (true)
        {
            using var down = await node.Client.GetAsync("/healthz");
            if (down.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                var body = JsonDocument.Parse(await down.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal("unavailable", body.GetProperty("status").GetString());
                break;
            }

            Assert.True(until.Elapsed < TimeSpan.FromSeconds(15), "healthz stayed 200 after Redis stopped");
            await Task.Delay(100);
        }

        // An API call while Redis is down is a problem, never a stack trace.
        using var jobs = await node.Client.GetAsync("/api/jobs");
        Assert.True((int)jobs.StatusCode is 500 or 503, jobs.StatusCode.ToString());
        Assert.Equal("application/problem+json", jobs.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(" at ", await jobs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
