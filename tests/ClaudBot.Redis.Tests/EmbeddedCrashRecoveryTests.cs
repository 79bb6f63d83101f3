using System.Diagnostics;
using ClaudBot.Redis.Tests.Support;
using ClaudBot.Testing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Redis.Tests;

/// <summary>Every write the embedded server acknowledged survives kill -9 of its process.</summary>
[Trait("Category", "RealServer")]
public sealed class EmbeddedCrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int N = 5000;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-garnet-crash-");

    [Fact]
    public async Task KillMinusNine_ThenRestartOnTheSameFolder_BringsBackEveryAcknowledgedWrite()
    {
        int port = TestPorts.Free();
        using (var host = await CrashHostProcess.StartAsync(port, _folder.FullName))
        {
            output.WriteLine($"CrashHost process ready after {host.StartupTime.TotalMilliseconds:0} ms");
            await using var connection = Connect();
            var db = connection.Database;
            var writes = new List<Task>();
            for (int i = 0; i < N; i++)
            {
                writes.Add(db.StringSetAsync($"k{i}", $"v{i}"));
                writes.Add(db.ListRightPushAsync("queue", i));
                writes.Add(db.HashIncrementAsync("job", "done"));
            }

            // Every write acknowledged, then the process dies at once.
            await Task.WhenAll(writes);
            host.Kill();
        }

        Assert.False(IsLocked(Path.Combine(_folder.FullName, "lock")), "the kernel releases a killed process's folder lock");
        var watch = Stopwatch.StartNew();
        await using var restarted = EmbeddedRedisServer.Start(new RedisOptions { EmbeddedPort = port, EmbeddedDirectory = _folder.FullName });
        output.WriteLine($"recovery after kill -9: {watch.ElapsedMilliseconds} ms");
        await using var after = Connect();
        var values = await Task.WhenAll(Enumerable.Range(0, N).Select(i => after.Database.StringGetAsync($"k{i}")));

        Assert.Equal(Enumerable.Range(0, N).Select(i => $"v{i}"), values.Select(v => v.ToString()));
        Assert.Equal(N, await after.Database.ListLengthAsync("queue"));
        Assert.Equal(N, (long)await after.Database.HashGetAsync("job", "done"));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static bool IsLocked(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private RedisConnection Connect() =>
        new(Options.Create(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName }));
}
