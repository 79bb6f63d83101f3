using ClaudBot.Intents.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClaudBot.Intents.Semantic;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The semantic tier (<see cref="MiniLmIntentTier"/>) as the <see cref="ISemanticIntentTier"/> the resolver asks when the
    /// patterns are not sure. For the hosts that talk to users; the node never needs it. The model loads on first use.
    /// </summary>
    public static IServiceCollection AddSemanticIntents(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new MiniLmIntentTier(
            sp.GetRequiredService<IntentCatalog>(), sp.GetService<ILogger<MiniLmIntentTier>>() ?? NullLogger<MiniLmIntentTier>.Instance));
        services.TryAddSingleton<ISemanticIntentTier>(sp => sp.GetRequiredService<MiniLmIntentTier>());
        return services;
    }
}
