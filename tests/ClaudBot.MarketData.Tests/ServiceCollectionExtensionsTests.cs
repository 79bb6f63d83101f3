using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClaudBot.MarketData.Tests;

public sealed class ServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AddMarketData_BindsTheSectionAndRegistersOneStore()
    {
        _dir.Write("TCS.csv", CsvSamples.ThreeGoodRows());
        using var host = Build(new()
        {
            ["MarketData:Directory"] = _dir.Path,
            ["MarketData:CacheDirectory"] = _dir.Combine("c"),
            ["MarketData:Lenient"] = "true",
            ["MarketData:UseCache"] = "false",
        });
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<MarketDataOptions>>().Value;
        var data = host.Services.GetRequiredService<IMarketData>();

        Assert.Equal(_dir.Path, options.Directory);
        Assert.Equal(_dir.Combine("c"), options.CacheDirectory);
        Assert.True(options.Lenient);
        Assert.False(options.UseCache);
        Assert.Same(host.Services.GetRequiredService<MarketDataStore>(), data);
        Assert.Equal(["TCS"], data.Symbols);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddMarketData_MissingDirectory_FailsAtStartWithTheResolvedPath()
    {
        string missing = _dir.Combine("missing");
        using var host = Build(new() { ["MarketData:Directory"] = missing });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"The market data directory '{missing}' (resolved to '{missing}') does not exist.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMarketData_EmptyDirectory_FailsValidation()
    {
        using var host = Build(new() { ["MarketData:Directory"] = string.Empty });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_AreDataNextToTheBinariesStrictAndCached()
    {
        var options = new MarketDataOptions();

        Assert.Equal("data", options.Directory);
        Assert.Null(options.CacheDirectory);
        Assert.False(options.Lenient);
        Assert.True(options.UseCache);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data"), options.ResolveDirectory());
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data", ".cache"), options.ResolveCacheDirectory());
    }

    [Fact]
    public void Options_AbsolutePaths_AreUsedAsGiven()
    {
        var options = new MarketDataOptions { Directory = _dir.Path, CacheDirectory = _dir.Combine("cache") };

        Assert.Equal(_dir.Path, options.ResolveDirectory());
        Assert.Equal(_dir.Combine("cache"), options.ResolveCacheDirectory());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddMarketData();
        return builder.Build();
    }
}
