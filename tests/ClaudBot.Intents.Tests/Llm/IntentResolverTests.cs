using System.Text.Json.Nodes;
using ClaudBot.Intents.Llm;
using Microsoft.Extensions.Options;

namespace ClaudBot.Intents.Tests.Llm;

/// <summary>Patterns first, the LLM only when they find nothing and an endpoint is set; what must be confirmed.</summary>
[Collection(LlmServerGroup.Name)]
public sealed class IntentResolverTests
{
    // No pattern reads this; the fake model does.
    private const string Unmatched = "evaluate relative strength on infosys for calendar 2022";
    private readonly LlmServerFixture _fixture;
    private readonly ChatCompletionsServer _server;

    public IntentResolverTests(LlmServerFixture fixture)
    {
        _fixture = fixture;
        _server = fixture.Server;
        _server.Reset();
        _server.Reply = ScriptedReply.ToolCall("submit_cluster_job", new JsonObject { ["strategies"] = "rsi", ["symbols"] = "infosys", ["period"] = "2022" });
    }

    [Fact]
    public async Task PatternMatch_IsTheAnswerAndTheLlmIsNotAsked()
    {
        using var fallback = _fixture.Fallback();
        var resolver = new IntentResolver(_fixture.Matcher, fallback, TimeProvider.System);

        var match = await resolver.ResolveAsync("backtest macd on hdfc bank FY2022", LlmServerFixture.Today, CancellationToken.None);

        Assert.Equal(("submit_cluster_job", "pattern"), (match.Intent, match.Source));
        Assert.Equal(["HDFCBANK"], match.Slots["symbols"].Symbols!);
        Assert.Empty(_server.Requests);
        Assert.False(resolver.RequiresConfirmation(match));
    }

    [Fact]
    public async Task NoPatternMatch_WithAnEndpoint_IsTheLlmMatchToConfirm()
    {
        Assert.Null(_fixture.Matcher.Match(Unmatched, LlmServerFixture.Today).Intent);
        using var fallback = _fixture.Fallback();
        var resolver = new IntentResolver(_fixture.Matcher, fallback, TimeProvider.System);

        var match = await resolver.ResolveAsync(Unmatched, LlmServerFixture.Today, CancellationToken.None);

        Assert.Equal(("submit_cluster_job", "llm"), (match.Intent, match.Source));
        Assert.Equal(["INFY"], match.Slots["symbols"].Symbols!);
        Assert.Single(_server.Requests);
        Assert.True(resolver.RequiresConfirmation(match));
    }

    [Fact]
    public async Task NoPatternMatch_LlmFailing_IsNoIntentWithTheHelpHint()
    {
        _server.Reply = ScriptedReply.Error(503, "model is loading");
        using var fallback = _fixture.Fallback();
        var resolver = new IntentResolver(_fixture.Matcher, fallback, TimeProvider.System);

        var match = await resolver.ResolveAsync(Unmatched, LlmServerFixture.Today, CancellationToken.None);

        Assert.Null(match.Intent);
        Assert.Equal("pattern", match.Source);
        Assert.StartsWith("I can run the cluster and backtests.", Assert.Single(match.Suggestions), StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task NoPatternMatch_WithoutAnEndpoint_IsNoIntentAndTheLlmIsNotAsked()
    {
        using var fallback = new LlmIntentFallback(_fixture.Matcher, Options.Create(new LlmOptions()), TimeProvider.System, new CapturingLogger<LlmIntentFallback>());
        var resolver = new IntentResolver(_fixture.Matcher, fallback, TimeProvider.System);

        var match = await resolver.ResolveAsync(Unmatched, LlmServerFixture.Today, CancellationToken.None);

        Assert.Null(match.Intent);
        Assert.NotEmpty(match.Suggestions);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("start cluster", false)]
    [InlineData("cluster status", false)]
    [InlineData("stop cluster", true)]
    [InlineData("cancel job k7m2qz", true)]
    public void RequiresConfirmation_OfAPatternMatch_FollowsTheCatalogue(string text, bool expected)
    {
        using var fallback = _fixture.Fallback();
        var resolver = new IntentResolver(_fixture.Matcher, fallback, TimeProvider.System);

        var match = _fixture.Matcher.Match(text, LlmServerFixture.Today);

        Assert.NotNull(match.Intent);
        Assert.Equal(expected, resolver.RequiresConfirmation(match));
    }

    [Fact]
    public void RequiresConfirmation_OfAnLlmMatch_IsAlwaysTrue()
    {
        using var fallback = _fixture.Fallback();
        var resolver = new IntentResolver(_fixture.Matcher, fallback, TimeProvider.System);
        var match = _fixture.Matcher.Match("start cluster", LlmServerFixture.Today) with { Source = LlmIntentFallback.Source };

        Assert.True(resolver.RequiresConfirmation(match));
    }
}
