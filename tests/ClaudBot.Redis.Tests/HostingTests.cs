using ClaudBot.Redis.Embedded;
using ClaudBot.Redis.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClaudBot.Redis.Tests;

/// <summary><see cref="ClaudBot.Redis.ServiceCollectionExtensions.AddClaudBotRedis"/> with <see cref="ClaudBot.Redis.Embedded.ServiceCollectionExtensions.AddEmbeddedRedisServer"/> in a real host.</summary>
[Trait("Category", "RealServer")]
[Collection(BackendServers.Name)]
public sealed class HostingTests(RealRedisFixture redis, EmbeddedRedisFixture embedded, ITestOutputHelper output)
    : BackendTestBase(redis, embedded, output), IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("claudbot-redis-host-");

    [Fact]
    public async Task HostingTheEmbeddedServer_ItIsUpBeforeAnyServiceStartsAndDownAfterAllStop()
    {
        var builder = Builder(new() { ["Redis:EmbeddedPort"] = "0", ["Redis:EmbeddedDirectory"] = _folder.FullName });

        // Registered before AddClaudBotRedis on purpose: it still finds the server up in StartAsync and StopAsync.
        builder.Services.AddHostedService<UsesRedisOnStartAndStop>();
        builder.Services.AddClaudBotRedis().AddEmbeddedRedisServer();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var connection = host.Services.GetRequiredService<RedisConnection>();
            string endpoint = File.ReadAllText(Path.Combine(_folder.FullName, "endpoint"));

            Assert.True(connection.IsEmbedded);
            Assert.Equal(endpoint + " (embedded)", connection.DescribeEndpoint());
            Assert.Equal("set-on-start", await connection.Database.StringGetAsync(Prefix + "start"));
            await host.StopAsync();
        }

        Assert.False(File.Exists(Path.Combine(_folder.FullName, "endpoint")));
        await using var restarted = EmbeddedRedisServer.Start(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName });
        await using var check = new RedisConnection(Options.Create(new RedisOptions { EmbeddedPort = 0, EmbeddedDirectory = _folder.FullName }));
        Assert.Equal("set-on-stop", await check.Database.StringGetAsync("stop"));
    }

    [Fact]
    public async Task AnotherProcessOnTheBox_FindsTheHostedServerThroughItsEndpointFile()
    {
        var settings = new Dictionary<string, string?> { ["Redis:EmbeddedPort"] = "0", ["Redis:EmbeddedDirectory"] = _folder.FullName };
        var serverBuilder = Builder(settings);
        serverBuilder.Services.AddClaudBotRedis().AddEmbeddedRedisServer();
        using var server = serverBuilder.Build();
        await server.StartAsync();
        var cliBuilder = Builder(settings);
        cliBuilder.Services.AddClaudBotRedis();
        using var cli = cliBuilder.Build();
        await cli.StartAsync();

        await server.Services.GetRequiredService<RedisConnection>().Database.StringSetAsync(Key("k"), "from-node");
        var client = cli.Services.GetRequiredService<RedisConnection>();

        Assert.Equal("from-node", await client.Database.StringGetAsync(Key("k")));
        Assert.True(client.IsEmbedded);
        await cli.StopAsync();
        await server.StopAsync();
    }

    [Fact]
    public async Task WithAConnectionString_NoEmbeddedServerStarts_AndRedisIsUsed()
    {
        var builder = Builder(new() { ["Redis:ConnectionString"] = RealRedis.ConnectionString, ["Redis:EmbeddedDirectory"] = _folder.FullName });
        builder.Services.AddClaudBotRedis().AddEmbeddedRedisServer();
        using var host = builder.Build();
        await host.StartAsync();
        var connection = host.Services.GetRequiredService<RedisConnection>();

        await connection.Database.StringSetAsync(Key("k"), "v");

        Assert.False(connection.IsEmbedded);
        Assert.Equal(RealRedis.ConnectionString, connection.DescribeEndpoint());
        Assert.Equal("v", await RealRedis.Connection.Database.StringGetAsync(Key("k")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.FullName));
        await host.StopAsync();
    }

    [Fact]
    public async Task InvalidSettings_FailTheHostStart()
    {
        var builder = Builder(new() { ["Redis:EmbeddedPort"] = "70000" });
        builder.Services.AddClaudBotRedis().AddEmbeddedRedisServer();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("EmbeddedPort", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Test:Prefix"] = Prefix });
        return builder;
    }

    private sealed class UsesRedisOnStartAndStop(RedisConnection redis, IConfiguration configuration) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken) =>
            await redis.Database.StringSetAsync(configuration["Test:Prefix"] + "start", "set-on-start");

        public async Task StopAsync(CancellationToken cancellationToken) =>
            await redis.Database.StringSetAsync((RedisKey)"stop", "set-on-stop");
    }
}
