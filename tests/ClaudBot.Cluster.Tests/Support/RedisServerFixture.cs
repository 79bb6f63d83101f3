using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.Support;

/// <summary>One real redis-server for a test collection; tests keep apart by job ids (random per job).</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-redis-");

    internal RedisServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new RedisServerProcess(_folder.FullName);
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class RedisServerGroup : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis-server";
}
