using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Matching;
using ClaudBot.MarketData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Intents.Tests.Matching;

/// <summary>
/// The matcher on what ships: <c>intents/intent_patterns.yaml</c> and the bundled <c>data/</c>, both copied next
/// to the tests by the project. Built once and shared: the matcher is thread-safe and its caches only save work.
/// Its clock is stopped on <see cref="Today"/>.
/// </summary>
internal static class ShippedMatcher
{
    public static readonly DateOnly Today = new(2026, 11, 29);

    private static readonly Lazy<IMarketData> SharedData = new(() => new MarketDataStore(
        Options.Create(new MarketDataOptions { Directory = DataDirectory, UseCache = false }),
        NullLogger<MarketDataStore>.Instance));

    private static readonly Lazy<IntentMatcher> Shared = new(() => For(CatalogLoader.LoadFile(CatalogFile)));

    public static string CatalogFile => Path.Combine(AppContext.BaseDirectory, "intents", "intent_patterns.yaml");

    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    public static IntentMatcher Instance => Shared.Value;

    public static IMarketData MarketData => SharedData.Value;

    public static IntentCatalog Catalog => Instance.Catalog;

    /// <summary>A matcher on another catalogue (an inline one), with the bundled data and the stopped clock.</summary>
    public static IntentMatcher For(IntentCatalog catalog) =>
        new(catalog, SharedData.Value, new FixedClock(new DateTimeOffset(Today, new TimeOnly(12, 0), TimeSpan.Zero)));
}
