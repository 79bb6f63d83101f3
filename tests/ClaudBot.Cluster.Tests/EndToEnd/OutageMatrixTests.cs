using System.Diagnostics;
using System.Globalization;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Testing;
using Xunit.Abstractions;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>
/// The queue server or the driver down for a while in the middle of a job, on both backends: every case must run the
/// job to completion by itself, each task's result present exactly once. The CI cases are 1 s (shorter than a lease:
/// calls fail and are retried) and 8 s (four leases: every lease lapses, SE.Redis's own timeouts fire, the case that
/// left jobs stuck). 15 s and 60 s add nothing those two do not exercise and cost a minute of CI: set
/// CLAUDBOT_LONG_OUTAGES=1 to run them too.
/// </summary>
[Trait("Category", "RealServer")]
public sealed class OutageMatrixTests(ITestOutputHelper output) : IDisposable
{
    private const int Tasks = 240;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-outage-");

    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        int[] outages = Environment.GetEnvironmentVariable("CLAUDBOT_LONG_OUTAGES") == "1" ? [1, 8, 15, 60] : [1, 8];
        foreach (int seconds in outages)
        {
            // The embedded server lives in the driver's process: killing one kills both.
            cases.Add("embedded", "driver", seconds);
            cases.Add("redis", "queue", seconds);
            cases.Add("redis", "driver", seconds);
        }

        return cases;
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OutageMidJob_JobCompletesByItself_EachResultOnce(string backend, string killed, int outageSeconds)
    {
        var clock = Stopwatch.StartNew();
        await using var redis = new RedisServerProcess(Path.Combine(_scratch.FullName, "redis"));
        int port = backend == "redis" ? redis.Port : TestPorts.Free();
        var driverSettings = backend == "redis" ? null : new Dictionary<string, string>
        {
            ["Redis:ConnectionString"] = string.Empty,
            ["Redis:EmbeddedPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Redis:EmbeddedDirectory"] = Path.Combine(_scratch.FullName, "embedded"),
        };
        if (backend == "redis")
        {
            await redis.StartAsync();
        }

        await using var cluster = new ClusterHarness($"127.0.0.1:{port}", _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "5",
            ["Cluster:ThrottlePerTask"] = "00:00:00.040",
            ["Cluster:WorkerSlots"] = "4",
        });
        var driver = await cluster.StartNodeAsync("driver", driverSettings);
        var worker = await cluster.StartNodeAsync("worker");
        var (id, _) = await cluster.SubmitAsync("rsi(period=2..81)", "TCS,INFY,WIPRO");
        await cluster.WaitForProgressAsync(id, 0.3, TimeSpan.FromSeconds(60));
        int before = (await cluster.Client.GetAsync(id, CancellationToken.None))!.TasksDone;

        if (killed == "queue")
        {
            await redis.CrashAsync();
            await Task.Delay(TimeSpan.FromSeconds(outageSeconds));
            await redis.StartAsync();
        }
        else
        {
            driver.Kill();
            await Task.Delay(TimeSpan.FromSeconds(outageSeconds));
            await cluster.StartNodeAsync("driver", driverSettings);
        }

        var back = Stopwatch.StartNew();
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(90));
        var indexes = ClusterHarness.ReadResults(job).Select(r => r.GetProperty("index").GetInt32()).ToList();
        output.WriteLine(
            $"{backend}/{killed} down {outageSeconds} s: done {before} before, completed {back.Elapsed.TotalSeconds:0.0} s after the restart " +
            $"({clock.Elapsed.TotalSeconds:0.0} s in all); {indexes.Count} results, {indexes.Distinct().Count()} distinct, state {job.State.ToName()}");

        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal((Tasks, 0), (job.TasksDone, job.TasksFailed));
        Assert.Equal(Enumerable.Range(0, Tasks), indexes.Order());
        Assert.False(worker.HasExited, "the worker must ride out the outage, not exit");
    }
}
