using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>A worker whose data differs from the planner's refuses that symbol's chunks, instead of quietly giving other numbers.</summary>
[Trait("Category", "RealServer")]
public sealed class DataMismatchTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-mismatch-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task Job_OnAWorkerWithOneChangedClose_FailsThatSymbolsTasksWithTheMessage_AndRunsTheOthers()
    {
        string planner = EditedData.Copy(Path.Combine(_scratch.FullName, "planner-data"), "TCS", "INFY");
        string worker = EditedData.Copy(Path.Combine(_scratch.FullName, "worker-data"), "TCS", "INFY");
        EditedData.ChangeClose(worker, "TCS", new DateOnly(2023, 3, 1));
        EditedData.ChangeClose(worker, "INFY", new DateOnly(2024, 6, 3));
        await using var redis = new RedisServerProcess(Path.Combine(_scratch.FullName, "redis"));
        await redis.StartAsync();
        await using var cluster = new ClusterHarness(redis.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["MarketData:Directory"] = planner,
            ["Cluster:ChunkSize"] = "2",
        });
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker", new Dictionary<string, string>
        {
            ["MarketData:Directory"] = worker,
            ["MarketData:CacheDirectory"] = Path.Combine(_scratch.FullName, "worker-cache"),

            // The box-level check would refuse this worker outright (BoxRefusalTests); this test is of the per-chunk check behind it.
            ["Cluster:RefuseMismatchedBoxes"] = "false",
        });

        var (id, plan) = await cluster.SubmitAsync("rsi(period=7|14),macd,buy_hold", "TCS,INFY");
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(60));

        var results = ClusterHarness.ReadResults(job);
        Assert.Equal((4, 4), (job.TasksDone, job.TasksFailed));
        var failed = results.Where(r => r.TryGetProperty("error", out _)).ToArray();
        Assert.All(failed, r => Assert.Equal("TCS", r.GetProperty("symbol").GetString()));
        string error = failed[0].GetProperty("error").GetString()!;
        Assert.Matches(
            $"^TCS: this worker's data \\(xxh3:[0-9a-f]{{16}}\\) differs from the planner's \\({plan.Spec.DataFingerprints!["TCS"]}\\); run 'claudbot data push' or update the worker's data$",
            error);
        Assert.All(failed, r => Assert.Equal(error, r.GetProperty("error").GetString()));
        Assert.All(results.Where(r => r.GetProperty("symbol").GetString() == "INFY"), r => Assert.False(r.TryGetProperty("error", out _)));
    }
}
