using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Redis;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>Leases: a slow but healthy worker keeps its chunk; a stopping worker finishes or hands back within 5 s.</summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class LeaseTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-lease-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task ChunkRunningThreeVisibilityTimeouts_IsNeverTakenBack_AndRunsOnce()
    {
        // One task throttled to 6 s against a 2 s visibility timeout: only lease renewal keeps it.
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ThrottlePerTask"] = "00:00:06",
        });
        await cluster.StartNodeAsync("driver");
        var worker = await cluster.StartNodeAsync("worker");
        await cluster.StartNodeAsync("worker"); // a second worker that would run it again if it were requeued

        var (id, _) = await cluster.SubmitAsync("rsi", "TCS");
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(JobState.Completed, job.State);
        Assert.Single(ClusterHarness.ReadResults(job));
        var deliveries = await cluster.Service<RedisConnection>().Database.HashLengthAsync(ClusterKeys.Deliveries(id));
        Assert.Equal(0, deliveries);
        Assert.DoesNotContain("lost its lease", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_ExitsWithinFiveSeconds_AndTheJobStillCompletesExactlyOnce()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "10",
            ["Cluster:ThrottlePerTask"] = "00:00:00.500",
        });
        await cluster.StartNodeAsync("driver");
        var stopping = await cluster.StartNodeAsync("worker");
        var (id, _) = await cluster.SubmitAsync("rsi(period=2..21)", "TCS,INFY");
        await cluster.WaitForProgressAsync(id, 0.05, TimeSpan.FromSeconds(30));

        var took = await stopping.TerminateAsync(TimeSpan.FromSeconds(10));
        await cluster.StartNodeAsync("worker");
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));

        Assert.True(took < TimeSpan.FromSeconds(5), $"the worker took {took.TotalSeconds:0.0} s to stop");
        Assert.Equal(0, stopping.ExitCode);
        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal(Enumerable.Range(0, 40), ClusterHarness.ReadResults(job).Select(r => r.GetProperty("index").GetInt32()).Order());
    }
}
