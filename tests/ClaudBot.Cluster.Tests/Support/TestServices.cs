using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Cluster.Tests.Support;

/// <summary>
/// The cluster's real wiring (options, market data on the bundled CSVs, Redis at a test server) in a
/// service provider, with settings a test can override.
/// </summary>
internal static class TestServices
{
    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    public static ServiceProvider Build(string? redis, string scratch, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["MarketData:Directory"] = DataDirectory,
            ["MarketData:CacheDirectory"] = Path.Combine(scratch, "cache"),
            ["Redis:ConnectionString"] = redis,
            ["Cluster:ResultsDirectory"] = Path.Combine(scratch, "results"),
            ["Cluster:RunDirectory"] = Path.Combine(scratch, "run"),
            ["Cluster:VisibilityTimeout"] = "00:00:02",
            ["Cluster:RetryBackoff"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddClusterClient();
        services.AddClusterWorker();
        return services.BuildServiceProvider();
    }
}
