namespace ClaudBot.Intents.Semantic.Tests;

/// <summary>Paraphrases the patterns cannot read reach their intent through the semantic tier; what must be confirmed.</summary>
[Collection(ShippedTierGroup.Name)]
public sealed class SemanticResolverTests(ShippedTier shipped)
{
    [Theory]
    [InlineData("could you fire up the cluster", "start_cluster")]
    [InlineData("power the cluster off", "stop_cluster")]
    [InlineData("which indicators do you support?", "list_strategies")]
    [InlineData("what tickers can I test?", "list_symbols")]
    [InlineData("start a new simulation", "submit_cluster_job")]
    public async Task Paraphrase_ThePatternsCannotRead_ReachesItsIntentThroughTheSemanticTier(string phrase, string intent)
    {
        Assert.Null(shipped.Matcher.Match(phrase, ShippedTier.Today).Intent);

        var match = await shipped.ResolveAsync(phrase);

        Assert.Equal((intent, "semantic"), (match.Intent, match.Source));
        Assert.InRange(match.Confidence, SemanticThresholds.MinScore, ClaudBot.Intents.Llm.IntentResolver.MaxSemanticConfidence);
    }

    [Theory]
    [InlineData("power the cluster off", "stop_cluster", true)]
    [InlineData("could you fire up the cluster", "start_cluster", true)]
    [InlineData("which indicators do you support?", "list_strategies", false)]
    public async Task SemanticReading_OfAnOperatorIntent_NeedsAYes_AndOfAViewerIntentDoesNot(string phrase, string intent, bool confirm)
    {
        var match = await shipped.ResolveAsync(phrase);

        Assert.Equal(intent, match.Intent);
        Assert.Equal(confirm, shipped.Resolver.RequiresConfirmation(match));
    }

    [Fact]
    public async Task SemanticReading_WithRequiredSlots_AsksForThem()
    {
        var match = await shipped.ResolveAsync("start a new simulation");

        Assert.Equal(("submit_cluster_job", "semantic"), (match.Intent, match.Source));
        Assert.Equal(["strategies", "symbols"], match.Missing);
        Assert.Equal(["period"], match.Defaulted);
        Assert.False(match.IsActionable);
    }

    [Fact]
    public async Task SamePatternReading_IsUnchanged_AndNeedsNoYes()
    {
        var match = await shipped.ResolveAsync("backtest macd on hdfc bank FY2022");

        Assert.Equal(("submit_cluster_job", "pattern"), (match.Intent, match.Source));
        Assert.Equal(["HDFCBANK"], match.Slots["symbols"].Symbols!);
        Assert.False(shipped.Resolver.RequiresConfirmation(match));
    }

    public static TheoryData<string, string> Examples()
    {
        var rows = new TheoryData<string, string>();
        foreach (var intent in ShippedTier.NewMatcher().Catalog.Intents)
        {
            foreach (string example in intent.Examples)
            {
                rows.Add(intent.Name, example);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task CatalogueExample_IsNeverReadAsAnotherIntent(string intent, string example)
    {
        var match = await shipped.ResolveAsync(example);

        Assert.True(match.Intent is null || match.Intent == intent, $"{example} => {match.Intent} ({match.Source})");
    }
}
