using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>The queue server itself failing: killed mid-job and restarted, or not there at all.</summary>
[Trait("Category", "RealServer")]
public sealed class RedisRecoveryTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-recovery-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task RedisKilledMidJob_KeepsEveryAcknowledgedResult_AndTheJobCompletesAfterRestart()
    {
        await using var server = new RedisServerProcess(Path.Combine(_scratch.FullName, "redis"));
        await server.StartAsync();
        await using var cluster = new ClusterHarness(server.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "5",
            ["Cluster:ThrottlePerTask"] = "00:00:00.020",
        });
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker");
        var (id, _) = await cluster.SubmitAsync("rsi(period=2..41)", "TCS,INFY,WIPRO");
        await cluster.WaitForProgressAsync(id, 0.4, TimeSpan.FromSeconds(30));

        int acknowledged = (await cluster.Client.GetAsync(id, CancellationToken.None))!.TasksDone;
        await server.CrashAsync();
        await Task.Delay(1000);
        await server.StartAsync();
        int recovered = (await cluster.Client.GetAsync(id, CancellationToken.None))!.TasksDone;
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));

        Assert.True(recovered >= acknowledged, $"{acknowledged} acknowledged before the crash, {recovered} after");
        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal(Enumerable.Range(0, 120), ClusterHarness.ReadResults(job).Select(r => r.GetProperty("index").GetInt32()).Order());
    }

    [Fact]
    public async Task SubmitToADeadRedis_QueuesNothingAndSaysSo()
    {
        int port = TestPorts.Free();
        await using var cluster = new ClusterHarness($"127.0.0.1:{port}", _scratch.FullName, new Dictionary<string, string> { ["Redis:ConnectTimeout"] = "00:00:01" });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.SubmitAsync("rsi", "TCS"));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was queued.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbeddedServerKilledMidJob_RecoversFromItsFolder_AndTheJobCompletes()
    {
        int port = TestPorts.Free();
        var embedded = new Dictionary<string, string>
        {
            ["Redis:ConnectionString"] = string.Empty,
            ["Redis:EmbeddedPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Redis:EmbeddedDirectory"] = Path.Combine(_scratch.FullName, "embedded"),
        };
        await using var cluster = new ClusterHarness($"127.0.0.1:{port}", _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "5",
            ["Cluster:ThrottlePerTask"] = "00:00:00.020",
        });
        var node = await cluster.StartNodeAsync("all", embedded);
        var (id, _) = await cluster.SubmitAsync("rsi(period=2..41)", "TCS,INFY,WIPRO");
        await cluster.WaitForProgressAsync(id, 0.4, TimeSpan.FromSeconds(30));

        int acknowledged = (await cluster.Client.GetAsync(id, CancellationToken.None))!.TasksDone;
        node.Kill();
        await cluster.StartNodeAsync("all", embedded);
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));

        Assert.True(job.TasksDone >= acknowledged);
        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal(Enumerable.Range(0, 120), ClusterHarness.ReadResults(job).Select(r => r.GetProperty("index").GetInt32()).Order());
    }
}
