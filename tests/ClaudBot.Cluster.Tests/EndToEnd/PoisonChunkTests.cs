using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>A chunk whose run throws must be recorded as failed tasks, and the slot that ran it must go on.</summary>
[Trait("Category", "RealServer")]
public sealed class PoisonChunkTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-poison-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task ChunkWhoseDataTurnsBad_IsRecordedAsFailed_AndTheOnlySlotGoesOnToTheNextChunk()
    {
        string data = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "data")).FullName;
        File.Copy(Path.Combine(TestServices.DataDirectory, "TCS.csv"), Path.Combine(data, "TCS.csv"));
        var rows = File.ReadAllLines(Path.Combine(TestServices.DataDirectory, "TCS.csv"));
        int row = Array.FindIndex(rows, r => r.StartsWith("2022-06", StringComparison.Ordinal));
        var cells = rows[row].Split(',');
        File.WriteAllLines(Path.Combine(data, "HUGE.csv"), rows);
        await using var redis = new RedisServerProcess(Path.Combine(_scratch.FullName, "redis"));
        await redis.StartAsync();
        await using var cluster = new ClusterHarness(redis.ConnectionString, _scratch.FullName, new Dictionary<string, string>
        {
            ["MarketData:Directory"] = data,
            ["Cluster:ChunkSize"] = "3",
            ["Cluster:WorkerSlots"] = "1",
            ["Cluster:TaskAttempts"] = "1",
        });
        await cluster.StartNodeAsync("driver");

        // The planner refuses a file with a price of 1e308, so the file turns bad after planning and before the
        // worker reads it: the chunk's run throws, as it would for data the worker cannot use.
        var (id, _) = await cluster.SubmitAsync("rsi,macd,buy_hold", "HUGE,TCS");
        rows[row] = string.Join(',', [cells[0], "1e308", "1e308", "1e308", "1e308", .. cells[5..]]);
        File.WriteAllLines(Path.Combine(data, "HUGE.csv"), rows);
        var worker = await cluster.StartNodeAsync("worker");
        var job = await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(45));

        var results = ClusterHarness.ReadResults(job);
        Assert.Equal(Enumerable.Range(0, 6), results.Select(r => r.GetProperty("index").GetInt32()).Order());
        Assert.Equal(6, job.TasksDone + job.TasksFailed);
        Assert.True(results.Where(r => r.GetProperty("symbol").GetString() == "TCS").All(r => !r.TryGetProperty("error", out _)), "TCS's tasks must still run");
        Assert.False(worker.HasExited);
    }
}
