using ClaudBot.Testing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Redis.Tests.Support;

/// <summary>
/// One embedded server (persisted, free port, temp folder) for the collection, and a connection that
/// finds it the way another process would: through the folder's endpoint file.
/// </summary>
public sealed class EmbeddedRedisFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-garnet-tests-");

    public EmbeddedRedisServer Server { get; private set; } = null!;

    public RedisConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        QuickRun.Refuse("the embedded queue server");
        Server = EmbeddedRedisServer.Start(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName });
        Connection = new RedisConnection(Options.Create(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName }));
        await Connection.ConnectAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Server.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
