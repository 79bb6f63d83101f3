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
}
