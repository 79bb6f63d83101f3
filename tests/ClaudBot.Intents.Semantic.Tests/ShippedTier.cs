using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Llm;
using ClaudBot.Intents.Matching;
using ClaudBot.MarketData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Intents.Semantic.Tests;

/// <summary>
/// The shipped catalogue and data with the real model, loaded once for the collection: the matcher, the tier and a
/// resolver of patterns then semantic (no LLM endpoint).
/// </summary>
public sealed class ShippedTier : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 29);

    private readonly LlmIntentFallback _noLlm;

    public ShippedTier()
    {
        Matcher = NewMatcher();
        Tier = new MiniLmIntentTier(Matcher.Catalog, NullLogger<MiniLmIntentTier>.Instance);
        _noLlm = new LlmIntentFallback(Matcher, Options.Create(new LlmOptions()), TimeProvider.System, NullLogger<LlmIntentFallback>.Instance);
        Resolver = new IntentResolver(Matcher, _noLlm, TimeProvider.System, Tier);
    }

    public IntentMatcher Matcher { get; }

    public MiniLmIntentTier Tier { get; }

    public IntentResolver Resolver { get; }

    public static IntentMatcher NewMatcher() => new(
        CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "intents", "intent_patterns.yaml")),
        new MarketDataStore(
            Options.Create(new MarketDataOptions { Directory = Path.Combine(AppContext.BaseDirectory, "data"), UseCache = false }),
            NullLogger<MarketDataStore>.Instance),
        TimeProvider.System);

    public Task<IntentMatch> ResolveAsync(string text) => Resolver.ResolveAsync(text, Today, CancellationToken.None);

    public void Dispose()
    {
        Tier.Dispose();
        _noLlm.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ShippedTierGroup : ICollectionFixture<ShippedTier>
{
    public const string Name = "shipped semantic tier";
}
