using System.Net.Sockets;
using System.Net;
using ClaudBot.Testing;
using Microsoft.Extensions.Options;

namespace ClaudBot.Redis.Tests;

/// <summary>Failures to reach Redis, or to start the embedded server, say what and where, and never hang.</summary>
public sealed class ConnectionErrorTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-redis-errors-");

    [Fact]
    public async Task NothingListening_FailsWithTheEndpointAndTheReason()
    {
        int port = TestPorts.Free();
        await using var connection = Configured($"127.0.0.1:{port}");

        var error = Assert.Throws<RedisUnavailableException>(() => connection.Database);

        Assert.Equal($"Redis at 127.0.0.1:{port} is not reachable: connection refused.", error.Message);
        Assert.Equal($"127.0.0.1:{port}", error.Endpoint);
        Assert.IsAssignableFrom<StackExchange.Redis.RedisException>(error);
    }

    [Fact]
    public async Task NothingListening_ABlockingMoveFailsTheSameWay()
    {
        int port = TestPorts.Free();
        await using var connection = Configured($"127.0.0.1:{port}");

        var error = await Assert.ThrowsAsync<RedisUnavailableException>(
            () => connection.BlockingMoveAsync("queue", "processing", TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Equal($"Redis at 127.0.0.1:{port} is not reachable: connection refused.", error.Message);
    }

    [Fact]
    public async Task NothingListening_ConnectAsyncFailsTheSameWay()
    {
        int port = TestPorts.Free();
        await using var connection = Configured($"127.0.0.1:{port}");

        var error = await Assert.ThrowsAsync<RedisUnavailableException>(() => connection.ConnectAsync(CancellationToken.None));

        Assert.StartsWith($"Redis at 127.0.0.1:{port} is not reachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatNeverAnswers_FailsAfterTheConnectTimeout_InsteadOfHanging()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var connection = Configured($"127.0.0.1:{port}");

        var error = await Assert.ThrowsAsync<RedisUnavailableException>(() => connection.ConnectAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal($"Redis at 127.0.0.1:{port} is not reachable: no answer within the connect timeout (1 s).", error.Message);
    }

    [Fact]
    public async Task APassword_NeverAppearsInTheErrorOrTheDescription()
    {
        int port = TestPorts.Free();
        await using var connection = Configured($"127.0.0.1:{port},password=hunter2-secret");

        var error = Assert.Throws<RedisUnavailableException>(() => connection.Database);

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
        Assert.Equal($"127.0.0.1:{port}", connection.DescribeEndpoint());
    }

    [Fact]
    public async Task EmbeddedWithNoServerRunningAndNoFixedPort_SaysNoServerIsRunning()
    {
        await using var connection = new RedisConnection(Options.Create(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName }));

        var error = Assert.Throws<RedisUnavailableException>(() => connection.Database);

        Assert.Equal(
            $"No embedded Redis server is running: {Path.Combine(_folder.FullName, "endpoint")} does not exist (start a node that hosts it, or set Redis:ConnectionString).",
            error.Message);
    }

    [Fact]
    public async Task EmbeddedServerNotRunningOnItsPort_FailsNamingThatPort()
    {
        int port = TestPorts.Free();
        await using var connection = new RedisConnection(Options.Create(new RedisOptions
        {
            EmbeddedPort = port,
            EmbeddedDirectory = _folder.FullName,
            ConnectTimeout = TimeSpan.FromSeconds(1),
        }));

        var error = Assert.Throws<RedisUnavailableException>(() => connection.Database);

        Assert.Equal($"Redis at 127.0.0.1:{port} (embedded) is not reachable: connection refused.", error.Message);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public void EmbeddedServer_OnAPortAlreadyInUse_RefusesToStart()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = Assert.Throws<EmbeddedRedisException>(() => EmbeddedRedisServer.Start(new RedisOptions { EmbeddedPort = port, EmbeddedDirectory = _folder.FullName }));

        Assert.StartsWith($"The embedded Redis server cannot listen on 127.0.0.1:{port}: the port is already in use", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "endpoint")));
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task EmbeddedServer_OnAFolderAnotherServerUses_RefusesToStart()
    {
        await using var first = EmbeddedRedisServer.Start(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName });

        var error = Assert.Throws<EmbeddedRedisException>(() => EmbeddedRedisServer.Start(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName }));

        Assert.StartsWith($"The embedded Redis folder {_folder.FullName} is in use by another process", error.Message, StringComparison.Ordinal);
        Assert.Equal($"127.0.0.1:{first.Port}", File.ReadAllText(first.EndpointFile));
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AfterTheServerRestarts_TheSameConnectionWorksAgain()
    {
        var options = new RedisOptions { EmbeddedPort = TestPorts.Free(), EmbeddedDirectory = _folder.FullName };
        var server = EmbeddedRedisServer.Start(options);
        await using var connection = new RedisConnection(Options.Create(options));
        await connection.Database.StringSetAsync("k", "before");
        await server.DisposeAsync();

        await using var restarted = EmbeddedRedisServer.Start(options);
        string? value = null;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (value is null)
        {
            try
            {
                value = await connection.Database.StringGetAsync("k");
            }
            catch (StackExchange.Redis.RedisConnectionException)
            {
                await Task.Delay(100, limit.Token);
            }
        }

        Assert.Equal("before", value);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static RedisConnection Configured(string connectionString) =>
        new(Options.Create(new RedisOptions { ConnectionString = connectionString, ConnectTimeout = TimeSpan.FromSeconds(1) }));
}
