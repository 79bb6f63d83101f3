using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClaudBot.Redis.Tests;

/// <summary>Each invalid setting fails with a message that names it; a password never shows.</summary>
public sealed class RedisOptionsValidationTests
{
    [Fact]
    public void Defaults_AreValid_AndUseTheEmbeddedServer()
    {
        var options = Bind([]);

        Assert.True(options.UsesEmbeddedServer);
        Assert.Equal(6399, options.EmbeddedPort);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "state", "redis"), options.ResolveEmbeddedDirectory());
        Assert.True(options.Persist);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ConnectTimeout);
    }

    [Fact]
    public void AnAbsoluteDirectory_IsKeptAsItIs()
    {
        var options = Bind(new() { ["Redis:EmbeddedDirectory"] = "/var/lib/claudbot/redis" });

        Assert.Equal("/var/lib/claudbot/redis", options.ResolveEmbeddedDirectory());
    }

    [Theory]
    [InlineData("127.0.0.1:6379,foo=bar", "Redis:ConnectionString is not a valid StackExchange.Redis connection string: Keyword 'foo' is not supported.")]
    [InlineData("localhost:abc", "Redis:ConnectionString is not a valid StackExchange.Redis connection string: it names no host:port.")]
    [InlineData(",,,", "Redis:ConnectionString is not a valid StackExchange.Redis connection string: it names no host:port.")]
    public void ABadConnectionString_IsReportedWithItsProblem(string connectionString, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Redis:ConnectionString"] = connectionString }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadConnectionString_NeverShowsItsPassword()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Redis:ConnectionString"] = "10.0.0.5:6379,password=hunter2-secret,ssl=maybe" }));

        Assert.Contains("Keyword 'ssl' requires a boolean value", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EmbeddedPort", "70000", "Redis:EmbeddedPort must be between 0 (pick a free port) and 65535.")]
    [InlineData("EmbeddedPort", "-1", "Redis:EmbeddedPort must be between 0 (pick a free port) and 65535.")]
    [InlineData("ConnectTimeout", "00:00:00", "Redis:ConnectTimeout must be between 0.1 s and 5 minutes.")]
    [InlineData("ConnectTimeout", "00:10:00", "Redis:ConnectTimeout must be between 0.1 s and 5 minutes.")]
    [InlineData("EmbeddedDirectory", "", "Redis:EmbeddedDirectory must name a folder.")]
    public void AnOutOfRangeSetting_IsNamed(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Redis:" + key] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidConnectionString_SwitchesOffTheEmbeddedServer()
    {
        var options = Bind(new() { ["Redis:ConnectionString"] = "10.0.0.5:6379,password=x" });

        Assert.False(options.UsesEmbeddedServer);
    }

    private static RedisOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddClaudBotRedis();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RedisOptions>>().Value;
    }
}
