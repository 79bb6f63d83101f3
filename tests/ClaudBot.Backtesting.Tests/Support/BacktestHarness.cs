using ClaudBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClaudBot.Backtesting.Tests.Support;

/// <summary>
/// A <see cref="BacktestService"/> built the way the apps build it: <c>AddBacktesting()</c> over
/// configuration, with settings validated as at start-up. Market data defaults to the bundled data
/// copied next to the tests; the bar cache goes to a folder of its own, deleted on dispose.
/// </summary>
public sealed class BacktestHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    public BacktestHarness(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["MarketData:Directory"] = dataDirectory ?? BundledData,
            ["MarketData:CacheDirectory"] = Cache.Path,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddBacktesting();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            _provider.GetRequiredService<IStartupValidator>().Validate();
            Service = _provider.GetRequiredService<BacktestService>();
        }
        catch
        {
            // Tests of invalid settings expect this throw; leave no provider or temp folder behind.
            Dispose();
            throw;
        }
    }

    /// <summary>The bundled data as copied into the test output.</summary>
    public static string BundledData => Path.Combine(AppContext.BaseDirectory, "data");

    public TempDirectory Cache { get; } = new();

    public BacktestService Service { get; }

    /// <summary>Cache files written so far: one per symbol loaded.</summary>
    public IReadOnlyList<string> CachedSymbols =>
        Directory.Exists(Cache.Path)
            ? [.. Directory.EnumerateFiles(Cache.Path, "*.bars").Select(path => Path.GetFileNameWithoutExtension(path)).Order(StringComparer.Ordinal)]
            : [];

    public Task<BacktestReport> RunAsync(BacktestRequest request) => Service.RunAsync(request, CancellationToken.None);

    public void Dispose()
    {
        _provider.Dispose();
        Cache.Dispose();
    }
}
