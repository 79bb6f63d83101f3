using ClaudBot.Cluster.Tests.Support;

namespace ClaudBot.Cluster.Tests.Results;

/// <summary>The same through a real driver process starting on a results folder with a leftover.</summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class ResultsLeftoversDriverTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-leftovers-node-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task DriverStart_RemovesATemporaryResultsFileOfAKilledDriver()
    {
        string results = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "results")).FullName;
        string leftover = Path.Combine(results, "job_abc234.json.2000000001.tmp");
        string final = Path.Combine(results, "job_abc234.json");
        File.WriteAllText(leftover, "{\"id\":\"abc234\",\"resu");
        File.WriteAllText(final, "{}");
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName);

        await cluster.StartNodeAsync("driver");

        Assert.False(File.Exists(leftover));
        Assert.Equal("{}", File.ReadAllText(final));
    }
}
