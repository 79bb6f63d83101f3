using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>Submit, results file, failures, cancel: a job's life through real node processes.</summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class JobLifecycleTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-life-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task SubmittedJob_WritesAResultsFileWithSpecSummaryAndEveryTask()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName);
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker");

        var (id, _) = await cluster.SubmitAsync("rsi,macd,buy_hold", "TCS,HDFC,INFY", "2020-01-01", "2024-12-31");
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal(Path.Combine(_scratch.FullName, "results", $"job_{id}.json"), job.ResultsFile);
        var file = ClusterHarness.ReadExport(job);
        Assert.Equal(id, file.GetProperty("id").GetString());
        Assert.Equal("completed", file.GetProperty("state").GetString());
        Assert.Equal(["TCS", "HDFCBANK", "INFY"], file.GetProperty("spec").GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(file.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("HDFC resolves to HDFCBANK", StringComparison.Ordinal));
        var results = file.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(9, results.Length);
        Assert.All(results, r => Assert.Equal("2021-01-27", r.GetProperty("from").GetString()));
        var best = file.GetProperty("summary").GetProperty("best_by_symbol").EnumerateArray().ToArray();
        Assert.Equal(3, best.Length);
        foreach (var entry in best)
        {
            string symbol = entry.GetProperty("symbol").GetString()!;
            double top = results.Where(r => r.GetProperty("symbol").GetString() == symbol).Max(r => r.GetProperty("metrics").GetProperty("sharpe").GetDouble());
            Assert.Equal(top, entry.GetProperty("metrics").GetProperty("sharpe").GetDouble());
        }

        Assert.True(file.GetProperty("timings").GetProperty("total_seconds").GetDouble() >= 0);
        Assert.Empty(Directory.GetFiles(Path.Combine(_scratch.FullName, "results"), "*.tmp"));
    }

    [Fact]
    public async Task PoisonedTask_IsRetriedThenFailed_AndTheJobCompletesWithErrors()
    {
        // The workers' copy of INFY is corrupt (a second box with a bad file); the driver's is fine.
        string workerData = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "worker-data")).FullName;
        foreach (string file in Directory.GetFiles(TestServices.DataDirectory, "*.csv"))
        {
            File.Copy(file, Path.Combine(workerData, Path.GetFileName(file)));
        }

        File.AppendAllText(Path.Combine(workerData, "INFY.csv"), "2026-01-26 00:00:00+05:30,1,abc,1,1,1,0.0,0.0\n");
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string> { ["Cluster:RetryBackoff"] = "00:00:00.200" });
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker", new Dictionary<string, string> { ["MarketData:Directory"] = workerData, ["MarketData:CacheDirectory"] = Path.Combine(_scratch.FullName, "worker-cache"), ["Cluster:RefuseMismatchedBoxes"] = "false" });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (id, _) = await cluster.SubmitAsync("rsi,macd", "TCS,INFY");
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(30));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.2 + 0.4 + 5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(JobState.CompletedWithErrors, job.State);
        Assert.Equal((2, 2), (job.TasksDone, job.TasksFailed));
        var failed = ClusterHarness.ReadResults(job).Where(r => r.TryGetProperty("error", out _)).ToArray();
        Assert.Equal(["INFY", "INFY"], failed.Select(f => f.GetProperty("symbol").GetString()));
        Assert.All(failed, f => Assert.Contains("INFY.csv line 1240", f.GetProperty("error").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_DropsQueuedChunks_AndRunningOnesStopAtTheirBoundary()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "2",
            ["Cluster:ThrottlePerTask"] = "00:00:00.050",
        });
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker");
        var (id, _) = await cluster.SubmitAsync("rsi(period=2..51)", "TCS,INFY");
        await cluster.WaitForProgressAsync(id, 0.1, TimeSpan.FromSeconds(30));

        var state = await cluster.Client.CancelAsync(id, CancellationToken.None);
        var atCancel = (await cluster.Client.GetAsync(id, CancellationToken.None))!;
        await Task.Delay(1500);
        var later = (await cluster.Client.GetAsync(id, CancellationToken.None))!;

        Assert.Equal(JobState.Cancelled, state);
        Assert.Equal(JobState.Cancelled, later.State);
        Assert.True(later.TasksDone <= atCancel.TasksDone + (4 * 2), $"{later.TasksDone} done after cancel, {atCancel.TasksDone} at cancel");
        Assert.True(later.TasksDone < 100);
        Assert.Equal(JobState.Cancelled, await cluster.Client.CancelAsync(id, CancellationToken.None));
    }
}
