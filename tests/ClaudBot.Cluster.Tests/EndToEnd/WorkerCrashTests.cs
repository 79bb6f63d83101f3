using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Testing;
using Xunit.Abstractions;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>
/// At-least-once execution, exactly-once results: a worker process killed with SIGKILL in the middle of
/// a job loses nothing and duplicates nothing, run after run.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class WorkerCrashTests(RedisServerFixture redis, ITestOutputHelper output) : IDisposable
{
    private const int Runs = 20;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-crash-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Theory]
    [InlineData("redis-server")]
    [InlineData("embedded")]
    public async Task WorkerKilledMidJob_TwentyRuns_EveryJobHasExactly200Results(string backend)
    {
        // With the embedded backend the driver process hosts the queue server; everyone else connects to it.
        int port = TestPorts.Free();
        string connection = backend == "embedded" ? $"127.0.0.1:{port}" : redis.Server.ConnectionString;
        await using var cluster = new ClusterHarness(connection, _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "5",
            ["Cluster:ThrottlePerTask"] = "00:00:00.020",
        });
        await cluster.StartNodeAsync("driver", backend != "embedded" ? null : new Dictionary<string, string>
        {
            ["Redis:ConnectionString"] = string.Empty,
            ["Redis:EmbeddedPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Redis:EmbeddedDirectory"] = Path.Combine(_scratch.FullName, "embedded"),
        });
        int clean = 0;
        for (int run = 0; run < Runs; run++)
        {
            await using var survivor = await cluster.StartNodeAsync("worker");
            await using var victim = await cluster.StartNodeAsync("worker");
            var (id, plan) = await cluster.SubmitAsync("rsi(period=2..41)", "TCS,INFY,WIPRO,RELIANCE,SBIN");
            Assert.Equal(200, plan.TaskCount);

            await cluster.WaitForProgressAsync(id, 0.3 + (0.2 * run / Runs), TimeSpan.FromSeconds(30));
            victim.Kill();
            var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));

            var indices = ClusterHarness.ReadResults(job).Select(r => r.GetProperty("index").GetInt32()).ToArray();
            Assert.Equal(JobState.Completed, job.State);
            Assert.Equal(200, indices.Length);
            Assert.Equal(Enumerable.Range(0, 200), indices.Order());
            Assert.Equal((200, 0), (job.TasksDone, job.TasksFailed));
            clean++;
            output.WriteLine($"{backend} run {run + 1}: job {id} completed, 200 results, killed at {(0.3 + (0.2 * run / Runs)):P0}");
        }

        Assert.Equal(Runs, clean);
    }
}
