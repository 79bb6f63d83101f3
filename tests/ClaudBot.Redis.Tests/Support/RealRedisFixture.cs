using Microsoft.Extensions.Options;

namespace ClaudBot.Redis.Tests.Support;

/// <summary>One real redis-server (Debian's 7.x) for the collection, and a connection to it.</summary>
public sealed class RealRedisFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-redis-tests-");
    private RedisServerProcess? _server;

    public RedisConnection Connection { get; private set; } = null!;

    public string ConnectionString => _server!.ConnectionString;

    public async Task InitializeAsync()
    {
        _server = await RedisServerProcess.StartAsync(_folder.FullName);
        Connection = new RedisConnection(Options.Create(new RedisOptions { ConnectionString = _server.ConnectionString }));
        await Connection.ConnectAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _server!.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
