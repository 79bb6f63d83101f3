using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Cluster.Tests.WalkForward;
using ClaudBot.Cluster.WalkForward;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>
/// Walk-forward jobs on a real cluster (a driver and a worker process, a real Redis): each window's in-sample grid runs
/// as chunks like any sweep, the driver picks and stitches as the job finishes, and the report it writes agrees with
/// the independent Python reference (walkforward.json) to 1e-9, for rolling, anchored, gapped and day-length windows,
/// and still does when a worker is killed mid-run.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class WalkForwardJobTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-walkforward-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task WalkForwardJobs_WriteAReport_ThatAgreesWithTheReference()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string> { ["Cluster:ChunkSize"] = "5" });
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker");

        foreach (var json in WalkForwardCase.All())
        {
            var reference = new WalkForwardCase(json);
            var (id, plan) = await cluster.Client.SubmitAsync(reference.Request(), CancellationToken.None);
            int tasks = reference.Grid().Count * reference.Windows().Count * reference.Symbols.Length;
            Assert.Equal(tasks, plan.TaskCount);

            var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(90));

            Assert.Equal((JobState.Completed, tasks, 0), (job.State, job.TasksDone, job.TasksFailed));
            string path = WalkForwardReports.PathFor(job.ResultsFile!);
            Assert.True(File.Exists(path), "the driver wrote the report as the job finished");
            await using var file = File.OpenRead(path);
            var report = await WalkForwardReports.ReadAsync(file, CancellationToken.None);
            Assert.Equal(reference.Symbols, report.Symbols.Select(s => s.Symbol));
            Assert.Equal(reference.Windows(), report.Windows);
            foreach (var symbol in report.Symbols)
            {
                reference.AssertMatches(symbol.Symbol, symbol);
            }
        }
    }

    [Fact]
    public async Task AWorkerKilledMidRun_LosesNothing_TheReportStillAgreesWithTheReference()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["Cluster:ChunkSize"] = "3",
            ["Cluster:ThrottlePerTask"] = "00:00:00.020",
        });
        await cluster.StartNodeAsync("driver");
        await using var survivor = await cluster.StartNodeAsync("worker");
        await using var victim = await cluster.StartNodeAsync("worker");
        var reference = WalkForwardCase.Named("rolling-rsi");
        var (id, plan) = await cluster.Client.SubmitAsync(reference.Request(), CancellationToken.None);

        await cluster.WaitForProgressAsync(id, 0.4, TimeSpan.FromSeconds(60));
        victim.Kill();
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(90));

        Assert.Equal((JobState.Completed, plan.TaskCount, 0), (job.State, job.TasksDone, job.TasksFailed));
        Assert.Equal(Enumerable.Range(0, plan.TaskCount), ClusterHarness.ReadResults(job).Select(r => r.GetProperty("index").GetInt32()).Order());
        await using var file = File.OpenRead(WalkForwardReports.PathFor(job.ResultsFile!));
        var report = await WalkForwardReports.ReadAsync(file, CancellationToken.None);
        foreach (var symbol in report.Symbols)
        {
            reference.AssertMatches(symbol.Symbol, symbol);
        }
    }

    [Fact]
    public async Task AsPlainJobs_AskingForAWalkForward_SaysWhatItIsInstead()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName);
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker");
        var (id, _) = await cluster.SubmitAsync("rsi", "TCS");
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));

        var refused = await Assert.ThrowsAsync<WalkForwardReportException>(() => cluster.Service<WalkForwardReports>().EnsureAsync(job, CancellationToken.None));

        Assert.Equal($"Job {id} is not a walk-forward; its results are a ranked table ('results of job {id}').", refused.Message);
    }
}
