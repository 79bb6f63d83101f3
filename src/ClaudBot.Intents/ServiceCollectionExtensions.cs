using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Intents;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the catalogue (loaded once, from <see cref="IntentOptions.CatalogFile"/>) and the matcher.</summary>
    public static IServiceCollection AddIntents(this IServiceCollection services)
    {
        services.AddOptions<IntentOptions>().BindConfiguration(IntentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMarketData();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CatalogLoader.LoadFile(sp.GetRequiredService<IOptions<IntentOptions>>().Value.ResolveCatalogFile()));
        services.TryAddSingleton(sp => new IntentMatcher(sp.GetRequiredService<IntentCatalog>(), sp.GetRequiredService<IMarketData>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
