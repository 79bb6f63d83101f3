using System.Diagnostics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClaudBot.Redis.Tests;

/// <summary>The embedded server keeps its data across a graceful restart, and only when asked to.</summary>
[Trait("Category", "RealServer")]
public sealed class EmbeddedPersistenceTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-garnet-persist-");

    [Fact]
    public async Task GracefulStopAndRestart_BringsBackAllThousandKeys()
    {
        var options = new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName };
        var watch = Stopwatch.StartNew();
        await using (var server = EmbeddedRedisServer.Start(options))
        {
            output.WriteLine($"first start: {watch.ElapsedMilliseconds} ms");
            await using var connection = Connect();
            var db = connection.Database;
            await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => db.StringSetAsync($"k{i}", $"v{i}")));
            await db.HashSetAsync("job", [new("state", "running"), new("done", 7)]);
            await db.ListRightPushAsync("queue", ["c1", "c2", "c3"]);
        }

        watch.Restart();
        await using (var restarted = EmbeddedRedisServer.Start(options))
        {
            output.WriteLine($"restart with recovery: {watch.ElapsedMilliseconds} ms");
            await using var connection = Connect();
            var db = connection.Database;
            var values = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => db.StringGetAsync($"k{i}")));

            Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"v{i}"), values.Select(v => v.ToString()));
            Assert.Equal("running", await db.HashGetAsync("job", "state"));
            Assert.Equal(7, (long)await db.HashGetAsync("job", "done"));
            Assert.Equal(["c1", "c2", "c3"], (await db.ListRangeAsync("queue")).Select(v => v.ToString()));
        }
    }

    [Fact]
    public async Task Stop_KeepsTheAppendOnlyFile_AndRemovesTheEndpointFile()
    {
        var server = EmbeddedRedisServer.Start(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName });
        await using (var connection = Connect())
        {
            await connection.Database.StringSetAsync("k", "v");
        }

        Assert.Equal($"127.0.0.1:{server.Port}", File.ReadAllText(server.EndpointFile));
        await server.DisposeAsync();

        Assert.False(File.Exists(server.EndpointFile));
        Assert.Contains(Directory.EnumerateFiles(Path.Combine(_folder.FullName, "AOF"), "aof.log.*"), f => new FileInfo(f).Length > 0);
    }

    [Fact]
    public async Task WithoutPersist_ARestartStartsEmpty()
    {
        var options = new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName, Persist = false };
        await using (EmbeddedRedisServer.Start(options))
        {
            await using var connection = Connect();
            await connection.Database.StringSetAsync("k", "v");
            Assert.Equal("v", await connection.Database.StringGetAsync("k"));
        }

        await using (EmbeddedRedisServer.Start(options))
        {
            await using var connection = Connect();
            Assert.False(await connection.Database.KeyExistsAsync("k"));
        }
    }

    [Fact]
    public async Task MoreDataThanLogMemory_IsKept_NotEvicted()
    {
        // 80 MB of values against a 64 MB in-memory log: without the storage tier Garnet silently drops the oldest.
        const int Count = 80_000;
        string value = new('x', 1000);
        await using var server = EmbeddedRedisServer.Start(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName });
        await using var connection = Connect();
        var db = connection.Database;
        var watch = Stopwatch.StartNew();
        for (int batch = 0; batch < Count; batch += 10_000)
        {
            await Task.WhenAll(Enumerable.Range(batch, 10_000).Select(i => db.StringSetAsync($"big{i}", value + i)));
        }

        output.WriteLine($"wrote {Count} x 1 KB in {watch.ElapsedMilliseconds} ms");
        int missing = 0;
        for (int batch = 0; batch < Count; batch += 10_000)
        {
            var values = await Task.WhenAll(Enumerable.Range(batch, 10_000).Select(i => db.StringGetAsync($"big{i}")));
            missing += values.Where((v, i) => v != value + (batch + i)).Count();
        }

        Assert.Equal(0, missing);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private RedisConnection Connect() =>
        new(Options.Create(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName }));
}
