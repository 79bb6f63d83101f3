using ClaudBot.Cluster.Tests.Support;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>A queue server that stops answering mid-command (writes paused, as a stalled server): one line, no stack.</summary>
[Trait("Category", "RealServer")]
[Collection(RedisServerGroup.Name)]
public sealed class QueueTimeoutTests(RedisServerFixture redis) : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-timeout-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task Submit_WhenTheQueueServerStopsAnswering_PrintsOneLineNamingItAndWhatToDo()
    {
        await using var cluster = new ClusterHarness(redis.Server.ConnectionString, _scratch.FullName, new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" });
        await using var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString + ",allowAdmin=true");
        var db = admin.GetDatabase();

        // Reads (the connection's handshake) still answer; the submit's transaction waits past the client's timeout.
        await db.ExecuteAsync("CLIENT", "PAUSE", "20000", "WRITE");
        try
        {
            var (exit, output) = await NodeProcess.RunAsync(cluster.Settings, TimeSpan.FromSeconds(60), "submit", "rsi", "TCS", "2022-01-01", "2023-12-31");

            Assert.Equal(3, exit);
            string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Error: The queue server", line, StringComparison.Ordinal);
            Assert.Contains("did not answer in time", line, StringComparison.Ordinal);
            Assert.Contains("claudbot-node status", line, StringComparison.Ordinal);
            // The paused transaction may still run once the server answers: the line says to look before resubmitting.
            Assert.Contains("queued whole or not at all, so check `jobs` before submitting again.", line, StringComparison.Ordinal);
        }
        finally
        {
            await db.ExecuteAsync("CLIENT", "UNPAUSE");
        }
    }
}
