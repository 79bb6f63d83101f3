using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Llm;
using ClaudBot.Intents.Matching;
using ClaudBot.MarketData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Intents.Tests.Llm;

/// <summary>
/// Shared by the tests that talk to the fake chat-completions server: the server (started once), and the
/// matcher on the real catalogue and market data.
/// </summary>
public sealed class LlmServerFixture : IAsyncLifetime
{
    public const string ApiKey = "sk-test-7f3a9c41d2";

    public static readonly DateOnly Today = new(2026, 11, 29);

    public LlmServerFixture()
    {
        var catalog = CatalogLoader.LoadFile(RepoFiles.Catalog);
        var marketData = new MarketDataStore(Options.Create(new MarketDataOptions { Directory = RepoFiles.Data, UseCache = false }), NullLogger<MarketDataStore>.Instance);
        Matcher = new IntentMatcher(catalog, marketData, TimeProvider.System);
        Server = new ChatCompletionsServer(catalog.Intents.Select(i => i.Name).ToHashSet(StringComparer.Ordinal));
    }

    public IntentMatcher Matcher { get; }

    public ChatCompletionsServer Server { get; }

    /// <summary>A fallback on the fake server (or <paramref name="endpoint"/>; empty for none) with the test key.</summary>
    public LlmIntentFallback Fallback(CapturingLogger<LlmIntentFallback>? logger = null, TimeSpan? timeout = null, string? endpoint = null) => new(
        Matcher,
        Options.Create(new LlmOptions { Endpoint = endpoint ?? Server.Endpoint.ToString(), ApiKey = ApiKey, Timeout = timeout ?? TimeSpan.FromSeconds(10) }),
        TimeProvider.System,
        logger ?? new CapturingLogger<LlmIntentFallback>());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LlmServerGroup : ICollectionFixture<LlmServerFixture>
{
    public const string Name = "llm-server";
}
