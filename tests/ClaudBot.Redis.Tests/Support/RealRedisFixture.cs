using ClaudBot.Testing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Redis.Tests.Support;

/// <summary>One real redis-server (Debian's 7.x) for the collection, and a connection to it.</summary>
public sealed class RealRedisFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-redis-tests-");

    public RedisConnection Connection { get; private set; } = null!;

    public string ConnectionString => Server.ConnectionString;

    private RedisServerProcess Server { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new RedisServerProcess(_folder.FullName);
        await Server.StartAsync();
        Connection = new RedisConnection(Options.Create(new RedisOptions { ConnectionString = Server.ConnectionString }));
        await Connection.ConnectAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Server.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
