using ClaudBot.Intents.Llm;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Intents.Semantic.Tests;

/// <summary>The model is loaded on the first phrase the patterns are unsure of, not before, and once.</summary>
public sealed class LazyLoadTests
{
    [Fact]
    public async Task Model_IsNotLoadedWhilePatternsAreSure_AndIsLoadedOnceOnTheFirstUnsurePhrase()
    {
        var matcher = ShippedTier.NewMatcher();
        using var tier = new MiniLmIntentTier(matcher.Catalog, NullLogger<MiniLmIntentTier>.Instance);
        using var noLlm = new LlmIntentFallback(matcher, Options.Create(new LlmOptions()), TimeProvider.System, NullLogger<LlmIntentFallback>.Instance);
        var resolver = new IntentResolver(matcher, noLlm, TimeProvider.System, tier);

        foreach (string phrase in new[] { "start cluster", "backtest rsi on TCS 2022", "list strategies", "don't stop the cluster", "rm -rf /" })
        {
            await resolver.ResolveAsync(phrase, ShippedTier.Today, CancellationToken.None);
        }

        Assert.False(tier.IsLoaded);
        Assert.Equal(TimeSpan.Zero, tier.LoadTime);

        // Several unsure phrases at once: one load, every answer right.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => resolver.ResolveAsync("power the cluster off", ShippedTier.Today, CancellationToken.None)));

        Assert.True(tier.IsLoaded);
        Assert.True(tier.LoadTime > TimeSpan.Zero);
        Assert.Equal(matcher.Catalog.Intents.Sum(i => i.Examples.Count), tier.ExampleCount);
        Assert.All(answers, a => Assert.Equal(("stop_cluster", "semantic"), (a.Intent, a.Source)));
    }
}
