using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClaudBot.MarketData;

/// <summary>Registers the market data with a host.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="MarketDataOptions"/> to the <c>MarketData</c> section (validated at start-up)
    /// and registers <see cref="MarketDataStore"/> as the singleton <see cref="IMarketData"/>.
    /// Needs logging, which every host registers.
    /// </summary>
    public static IServiceCollection AddMarketData(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(MarketDataStore)))
        {
            // Several features ask for market data; its options must be bound and validated once,
            // or a bad setting is reported twice.
            return services;
        }

        services.AddOptions<MarketDataOptions>()
            .BindConfiguration(MarketDataOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<MarketDataStore>();
        services.TryAddSingleton<IMarketData>(sp => sp.GetRequiredService<MarketDataStore>());
        return services;
    }

    /// <summary>
    /// Adds <see cref="Update.MarketDataUpdater"/> (and the market data it reads): <see cref="Update.UpdateOptions"/> bound to
    /// <c>MarketData:Update</c>, validated at start-up, and one HttpClient that introduces itself as a browser, since both
    /// sources refuse clients that do not.
    /// </summary>
    public static IServiceCollection AddMarketDataUpdate(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMarketData();
        if (services.Any(d => d.ServiceType == typeof(Update.MarketDataUpdater)))
        {
            return services;
        }

        services.AddOptions<Update.UpdateOptions>()
            .BindConfiguration(Update.UpdateOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new Update.MarketDataUpdater(
            sp.GetRequiredService<MarketDataStore>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MarketDataOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Update.UpdateOptions>>(),
            Update.UpdateHttp.Create(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
