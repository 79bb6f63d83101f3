using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>Cleanup counts every job in Redis, so this test has a server of its own.</summary>
[Trait("Category", "RealServer")]
public sealed class CleanupTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-cleanup-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task Cleanup_KeepsTheNewestFinishedJobs_AndRemovesTheRestWithTheirFiles()
    {
        await using var server = new RedisServerProcess(Path.Combine(_scratch.FullName, "redis"));
        await server.StartAsync();
        await using var cluster = new ClusterHarness(server.ConnectionString, _scratch.FullName);
        await cluster.StartNodeAsync("driver");
        await cluster.StartNodeAsync("worker");
        var finished = new List<JobStatus>();
        foreach (string symbol in (string[])["TCS", "INFY", "WIPRO"])
        {
            var (id, _) = await cluster.SubmitAsync("rsi", symbol);
            finished.Add(await cluster.WaitForEndAsync(id, TimeSpan.FromSeconds(30)));
            await Task.Delay(5); // distinct submission times, so "newest" is well defined
        }

        var removed = await cluster.Client.CleanupAsync(1, CancellationToken.None);

        Assert.Equal([finished[1].Id, finished[0].Id], removed);
        Assert.Null(await cluster.Client.GetAsync(finished[0].Id, CancellationToken.None));
        Assert.False(File.Exists(finished[0].ResultsFile));
        Assert.False(File.Exists(finished[1].ResultsFile));
        Assert.True(File.Exists(finished[2].ResultsFile));
        Assert.NotNull(await cluster.Client.GetAsync(finished[2].Id, CancellationToken.None));
    }
}
