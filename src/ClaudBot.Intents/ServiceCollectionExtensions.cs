using ClaudBot.Engine.Strategies;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Llm;
using ClaudBot.Intents.Matching;
using ClaudBot.Intents.Semantic;
using ClaudBot.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Intents;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the catalogue (loaded once, from <see cref="IntentOptions.CatalogFile"/>), the matcher, the LLM
    /// fallback (active only when <c>Intents:Llm:Endpoint</c> is set) and the <see cref="IntentResolver"/> that combines them
    /// (with the <see cref="ISemanticIntentTier"/> between the two when one is registered).
    /// </summary>
    public static IServiceCollection AddIntents(this IServiceCollection services)
    {
        services.AddOptions<IntentOptions>().BindConfiguration(IntentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMarketData();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CatalogLoader.LoadFile(sp.GetRequiredService<IOptions<IntentOptions>>().Value.ResolveCatalogFile()));
        services.TryAddSingleton(sp => new IntentMatcher(
            sp.GetRequiredService<IntentCatalog>(), sp.GetRequiredService<IMarketData>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ISavedRules>()));
        services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<LlmIntentFallback>();
        // The semantic tier is used when a host registered one (AddSemanticIntents), before or after this call.
        services.TryAddSingleton(sp => new IntentResolver(
            sp.GetRequiredService<IntentMatcher>(), sp.GetRequiredService<LlmIntentFallback>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ISemanticIntentTier>()));
        return services;
    }
}
