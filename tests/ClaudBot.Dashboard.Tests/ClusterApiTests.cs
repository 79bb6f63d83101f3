using System.Net;
using System.Text.Json;

namespace ClaudBot.Dashboard.Tests;

/// <summary>/api/cluster, /api/data, /healthz and /openapi on a running node.</summary>
[Trait("Category", "RealServer")]
[Collection(NodeTests.Name)]
public sealed class ClusterApiTests(NodeFixture fixture)
{
    private DashboardNode Node => fixture.Node;

    [Fact]
    public async Task Cluster_ShowsOneWorkerWithFourSlots_AndTheBoxsLoad()
    {
        JsonElement cluster = default;
        for (int i = 0; i < 100; i++)
        {
            cluster = await Node.GetJsonAsync("/api/cluster");
            if (cluster.GetProperty("workers").GetArrayLength() > 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        var worker = Assert.Single(cluster.GetProperty("workers").EnumerateArray());
        Assert.Equal(4, worker.GetProperty("slots").GetInt32());
        Assert.InRange(worker.GetProperty("busy").GetInt32(), 0, 4);
        Assert.InRange(worker.GetProperty("heartbeat_age_seconds").GetDouble(), 0, 15);
        Assert.Equal(Environment.MachineName, worker.GetProperty("host").GetString(), ignoreCase: true);
        Assert.Equal(4, cluster.GetProperty("slots_total").GetInt32());
        Assert.True(cluster.GetProperty("queue").GetProperty("chunks").GetInt32() >= 0);
        Assert.True(cluster.GetProperty("queue").TryGetProperty("tasks_waiting", out _));
        Assert.True(cluster.GetProperty("jobs").TryGetProperty("running", out _));
        Assert.InRange(cluster.GetProperty("cpu_percent").GetDouble(), 0, 100);
        Assert.InRange(cluster.GetProperty("memory_percent").GetDouble(), 0.1, 100);
        var box = Assert.Single(cluster.GetProperty("boxes").EnumerateArray());
        Assert.Equal(Environment.MachineName, box.GetProperty("host").GetString(), ignoreCase: true);
        Assert.Equal((1, 4, "working"), (box.GetProperty("workers").GetInt32(), box.GetProperty("slots").GetInt32(), box.GetProperty("state").GetString()));
        Assert.True(box.GetProperty("workers_rss_bytes").GetInt64() > 10_000_000);
    }

    [Fact]
    public async Task AFreshWorker_NeverShowsItsSlotsDead_AndSoonReportsAllFourLive()
    {
        await using var node = await DashboardNode.StartAsync();
        var seen = new List<string>();
        for (int i = 0; i < 200 && !seen.Contains("live 4"); i++)
        {
            foreach (var worker in (await node.GetJsonAsync("/api/cluster")).GetProperty("workers").EnumerateArray())
            {
                // The registration beat comes before the slots start: no live count yet, never "4 of 4 slots DEAD".
                string state = worker.TryGetProperty("problem", out var problem) ? "problem: " + problem.GetString()
                    : worker.TryGetProperty("live_slots", out var live) ? "live " + live.GetInt32() : "live unknown";
                if (!seen.Contains(state))
                {
                    seen.Add(state);
                }
            }

            await Task.Delay(25);
        }

        Assert.Contains("live 4", seen);
        Assert.Subset(new HashSet<string> { "live unknown", "live 4" }, seen.ToHashSet());
    }

    [Fact]
    public async Task Data_ListsTheNodesSymbolsAliasesAndNewestDay()
    {
        var data = await Node.GetJsonAsync("/api/data");

        var symbols = data.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("TCS", symbols);
        Assert.Equal(symbols.Order(StringComparer.Ordinal), symbols);
        var hdfc = Assert.Single(data.GetProperty("aliases").EnumerateArray(), a => a.GetProperty("alias").GetString() == "HDFC");
        Assert.Equal("HDFCBANK", hdfc.GetProperty("symbol").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", data.GetProperty("last_day").GetString());
    }

    [Fact]
    public async Task Healthz_Is200Ok_WhenRedisAnswers()
    {
        using var response = await Node.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_ServesADocumentListingTheEndpoints()
    {
        using var response = await Node.Client.GetAsync("/openapi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/openapi/v1.json", response.RequestMessage?.RequestUri?.AbsolutePath);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/results", "/api/cluster", "/api/data", "/healthz", "/api/schedules", "/api/schedules/{id}" }, paths);
        var jobs = document.GetProperty("paths").GetProperty("/api/jobs");
        Assert.True(jobs.TryGetProperty("get", out _));
        Assert.True(jobs.TryGetProperty("post", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/api/jobs/{id}").TryGetProperty("delete", out _));
    }
}
