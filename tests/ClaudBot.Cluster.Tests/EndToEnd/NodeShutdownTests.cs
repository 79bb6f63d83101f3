using System.Diagnostics;
using System.Text.RegularExpressions;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Testing;
using Xunit.Abstractions;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>How <c>claudbot-node run</c> starts without its queue and stops on SIGTERM, with real processes.</summary>
[Trait("Category", "RealServer")]
public sealed partial class NodeShutdownTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-shutdown-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task SigtermMidJob_HandsChunksBackAtOnce_ExitsZeroWellBeforeSigkill_AndTheJobCompletesLongBeforeTheLeaseLapses()
    {
        await using var redis = new RedisServerProcess(Path.Combine(_scratch.FullName, "redis"));
        await redis.StartAsync();

        // Four chunks of 4.5 s (30 tasks x 150 ms) outlast the 3 s stop grace; a 20 s lease makes the reaper's way back
        // slow. The one worker takes all four; a second starts only once the first has gone, so it can run them
        // at once only if they were handed back.
        await using var cluster = new ClusterHarness(redis.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "30",
            ["Cluster:ThrottlePerTask"] = "00:00:00.150",
            ["Cluster:VisibilityTimeout"] = "00:00:20",
        });
        await cluster.StartNodeAsync("driver");
        var stopping = await cluster.StartNodeAsync("worker");
        var (id, _) = await cluster.SubmitAsync("rsi(period=2..41)", "TCS,INFY,WIPRO");
        await WaitForCountAsync(stopping, TookChunk(), 4);

        var stopTime = await stopping.TerminateAsync(TimeSpan.FromSeconds(10));
        var afterStop = Stopwatch.StartNew();
        await cluster.StartNodeAsync("worker", new Dictionary<string, string> { ["Cluster:WorkerName"] = "other" });
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));
        output.WriteLine($"stopped in {stopTime.TotalSeconds:0.0} s (exit {stopping.ExitCode}); job completed {afterStop.Elapsed.TotalSeconds:0.0} s later");

        Assert.True(stopping.ExitCode == 0, $"exit {stopping.ExitCode}:\n{stopping.Output}");
        Assert.True(stopTime < TimeSpan.FromSeconds(6), $"stopping took {stopTime}; systemd's SIGKILL comes at 10 s");
        Assert.True(HandedBack().Count(stopping.Output) > 0, stopping.Output);
        Assert.DoesNotContain("Lost the lease", stopping.Output, StringComparison.Ordinal);
        Assert.True(afterStop.Elapsed < TimeSpan.FromSeconds(16), $"the job took {afterStop.Elapsed} after the stop: the handed-back chunks waited for the reaper");
        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal(Enumerable.Range(0, 120), ClusterHarness.ReadResults(job).Select(r => r.GetProperty("index").GetInt32()).Order());
    }

    [Fact]
    public async Task WorkerStartedBeforeItsQueue_WaitsAndSaysSo_ThenRegistersWhenTheQueueComes()
    {
        await using var redis = new RedisServerProcess(Path.Combine(_scratch.FullName, "redis"));
        await using var cluster = new ClusterHarness(redis.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["Redis:ConnectTimeout"] = "00:00:00.500",
        });
        var worker = await cluster.StartNodeAsync("worker");

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(worker.HasExited, $"the worker exited ({(worker.HasExited ? worker.ExitCode : 0)}) instead of waiting for its queue:\n{worker.Output}");
        Assert.Contains($"The queue at {redis.ConnectionString} is not reachable", worker.Output, StringComparison.Ordinal);

        await redis.StartAsync();
        await worker.WaitForOutputAsync("worker registered", TimeSpan.FromSeconds(10));
        await worker.TerminateAsync(TimeSpan.FromSeconds(10));
        Assert.True(worker.ExitCode == 0, $"exit {worker.ExitCode}:\n{worker.Output}");
    }

    private static async Task WaitForCountAsync(NodeProcess node, Regex pattern, int count)
    {
        var until = Stopwatch.StartNew();
        while (pattern.Count(node.Output) < count)
        {
            Assert.True(until.Elapsed < TimeSpan.FromSeconds(30), node.Output);
            await Task.Delay(20);
        }
    }

    [GeneratedRegex("Took chunk")]
    private static partial Regex TookChunk();

    [GeneratedRegex("Handed chunk .* back to the queue on stop")]
    private static partial Regex HandedBack();
}
