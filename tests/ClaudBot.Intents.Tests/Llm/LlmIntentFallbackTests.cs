using System.Diagnostics;
using System.Text.Json.Nodes;
using ClaudBot.Intents.Llm;
using ClaudBot.Intents.Slots;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Intents.Tests.Llm;

/// <summary>The LLM fallback against the fake chat-completions server, through Semantic Kernel's real OpenAI connector.</summary>
[Collection(LlmServerGroup.Name)]
public sealed class LlmIntentFallbackTests
{
    private const string Phrase = "could you evaluate relative strength on infosys for calendar 2022";
    private readonly LlmServerFixture _fixture;
    private readonly ChatCompletionsServer _server;

    public LlmIntentFallbackTests(LlmServerFixture fixture)
    {
        _fixture = fixture;
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task ToolCall_ToSubmitJob_IsAnLlmMatchWithSlotsParsedLikeAPatternMatch()
    {
        _server.Reply = ScriptedReply.ToolCall("submit_cluster_job", new JsonObject { ["strategies"] = "rsi", ["symbols"] = "infosys", ["period"] = "2022" });
        using var fallback = _fixture.Fallback();

        var match = await fallback.TryMatchAsync(Phrase, LlmServerFixture.Today, CancellationToken.None);

        Assert.NotNull(match);
        Assert.Equal("submit_cluster_job", match.Intent);
        Assert.Equal("llm", match.Source);
        Assert.Equal(0.5, match.Confidence);
        Assert.Equal("rsi", match.Slots["strategies"].StrategyText);
        Assert.Equal(["INFY"], match.Slots["symbols"].Symbols!);
        Assert.Equal(new DateSpan(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)), match.Slots["period"].Period);
        Assert.Empty(match.Missing);
        Assert.Empty(match.Defaulted);
        Assert.Null(match.Error);
        Assert.True(match.IsActionable);
    }

    [Fact]
    public async Task Request_CarriesTheCatalogueAsRequiredFunctionToolsTheModelAndTheKey()
    {
        _server.Reply = ScriptedReply.ToolCall("monitor_cluster", []);
        using var fallback = _fixture.Fallback();

        await fallback.TryMatchAsync(Phrase, LlmServerFixture.Today, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Null(request.Problem);
        Assert.Equal($"Bearer {LlmServerFixture.ApiKey}", request.Authorization);
        var body = request.Body!;
        Assert.Equal("llama3.1", body["model"]!.GetValue<string>());
        Assert.Equal("required", body["tool_choice"]!.GetValue<string>());
        Assert.False(body["parallel_tool_calls"]!.GetValue<bool>());
        Assert.Equal(0, body["temperature"]!.GetValue<double>());
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal(Phrase, messages[1]!["content"]!.GetValue<string>());

        var submit = request.Tool("submit_cluster_job");
        Assert.StartsWith("Backtest strategies on symbols over a period, on the cluster. Examples: \"submit cluster job rsi on TCS 2020-2024\"", submit["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var parameters = submit["parameters"]!;
        Assert.Equal("object", parameters["type"]!.GetValue<string>());
        Assert.Equal(["strategies", "symbols", "period", "execution"], parameters["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["strategies", "symbols"], parameters["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("string", parameters["properties"]!["symbols"]!["type"]!.GetValue<string>());
        Assert.Contains("On which symbols?", parameters["properties"]!["symbols"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var component = request.Tool("show_logs")["parameters"]!["properties"]!["component"]!;
        Assert.Equal(["driver", "worker"], component["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Empty(request.Tool("help")["parameters"]!["properties"]!.AsObject());
        Assert.Equal(
            "A whole number from 0 to 10000. Leave out for the default (20).",
            request.Tool("cleanup_results")["parameters"]!["properties"]!["keep"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task ToolCall_WithoutSomeArguments_ListsMissingAndDefaultedSlots()
    {
        _server.Reply = ScriptedReply.ToolCall("submit_cluster_job", new JsonObject { ["strategies"] = "macd" });
        using var fallback = _fixture.Fallback();

        var match = await fallback.TryMatchAsync("try macd please", LlmServerFixture.Today, CancellationToken.None);

        Assert.NotNull(match);
        Assert.Equal(["symbols"], match.Missing);
        Assert.Equal(["period"], match.Defaulted);
        // The bundled data ends on 2026-01-23, so the default "last 3 years" ends there, not on Today.
        Assert.Equal(new DateSpan(new DateOnly(2023, 1, 23), new DateOnly(2026, 1, 23)), match.Slots["period"].Period);
        Assert.False(match.IsActionable);
    }

    [Fact]
    public async Task ToolCall_WithListArguments_ReadsThemAsCommaSeparatedText()
    {
        _server.Reply = ScriptedReply.ToolCall("submit_cluster_job", new JsonObject
        {
            ["strategies"] = new JsonArray("rsi", "macd"),
            ["symbols"] = new JsonArray("TCS", "hdfc bank"),
            ["period"] = 2021,
        });
        using var fallback = _fixture.Fallback();

        var match = await fallback.TryMatchAsync("rsi and macd for tcs and hdfc bank in 2021", LlmServerFixture.Today, CancellationToken.None);

        Assert.NotNull(match);
        Assert.Null(match.Error);
        Assert.Equal("rsi,macd", match.Slots["strategies"].StrategyText);
        Assert.Equal(["TCS", "HDFCBANK"], match.Slots["symbols"].Symbols!);
        Assert.Equal(new DateOnly(2021, 1, 1), match.Slots["period"].Period!.Value.From);
    }

    [Fact]
    public async Task ToolCall_WithAnUnsafeSymbol_IsAMatchWithAnErrorThatCannotRun()
    {
        _server.Reply = ScriptedReply.ToolCall("submit_cluster_job", new JsonObject { ["strategies"] = "rsi", ["symbols"] = "TCS; rm -rf /", ["period"] = "2022" });
        using var fallback = _fixture.Fallback();

        var match = await fallback.TryMatchAsync("backtest rsi on TCS; rm -rf /", LlmServerFixture.Today, CancellationToken.None);

        Assert.NotNull(match);
        Assert.Equal("submit_cluster_job", match.Intent);
        Assert.Equal("llm", match.Source);
        Assert.NotNull(match.Error);
        Assert.False(match.Slots.ContainsKey("symbols"));
        Assert.False(match.IsActionable);
    }

    [Fact]
    public async Task ToolCall_WithAnOverlongArgument_IsAMatchWithAnErrorThatCannotRun()
    {
        _server.Reply = ScriptedReply.ToolCall("submit_cluster_job", new JsonObject { ["strategies"] = "rsi", ["symbols"] = string.Join(",", Enumerable.Repeat("TCS", 200)) });
        using var fallback = _fixture.Fallback();

        var match = await fallback.TryMatchAsync("rsi on tcs, many times", LlmServerFixture.Today, CancellationToken.None);

        Assert.NotNull(match);
        Assert.Equal("The symbols given is too long (over 500 characters).", match.Error);
        Assert.False(match.Slots.ContainsKey("symbols"));
        Assert.False(match.IsActionable);
    }

    [Fact]
    public async Task ToolCall_ToAFunctionOutsideTheCatalogue_IsNotUnderstood()
    {
        _server.Reply = ScriptedReply.ToolCall("delete_all_results", new JsonObject { ["confirm"] = "yes" });
        var logger = new CapturingLogger<LlmIntentFallback>();
        using var fallback = _fixture.Fallback(logger);

        var match = await fallback.TryMatchAsync("wipe everything", LlmServerFixture.Today, CancellationToken.None);

        Assert.Null(match);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Warning, 4), (entry.Level, entry.EventId));
        Assert.Contains("delete_all_results", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolCall_WithArgumentsThatAreNotJson_IsNotUnderstood()
    {
        var reply = ScriptedReply.ToolCall("submit_cluster_job", []);
        _server.Reply = reply with { Body = reply.Body.Replace("\"arguments\":\"{}\"", "\"arguments\":\"{strategies: rsi\"", StringComparison.Ordinal) };
        var logger = new CapturingLogger<LlmIntentFallback>();
        using var fallback = _fixture.Fallback(logger);

        var match = await fallback.TryMatchAsync("rsi on tcs", LlmServerFixture.Today, CancellationToken.None);

        Assert.Null(match);
        Assert.Equal([5], logger.Entries.Select(e => e.EventId));
    }

    [Fact]
    public async Task PlainTextReply_IsNotUnderstood()
    {
        _server.Reply = ScriptedReply.Text("I am not sure what you mean.");
        var logger = new CapturingLogger<LlmIntentFallback>();
        using var fallback = _fixture.Fallback(logger);

        var match = await fallback.TryMatchAsync("what is the weather", LlmServerFixture.Today, CancellationToken.None);

        Assert.Null(match);
        Assert.Equal([3], logger.Entries.Select(e => e.EventId));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task ServerError_IsNotUnderstoodLoggedOnceWithoutTheKeyAndNotRetried()
    {
        // The server echoes the key in its error message: the log must not repeat it.
        _server.Reply = ScriptedReply.Error(500, $"internal error while serving Bearer {LlmServerFixture.ApiKey}");
        var logger = new CapturingLogger<LlmIntentFallback>();
        using var fallback = _fixture.Fallback(logger);

        var match = await fallback.TryMatchAsync(Phrase, LlmServerFixture.Today, CancellationToken.None);

        Assert.Null(match);
        Assert.Single(_server.Requests);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Warning, 2), (entry.Level, entry.EventId));
        Assert.Contains("HTTP status 500", entry.Text, StringComparison.Ordinal);
        Assert.Contains("internal error while serving Bearer ***", entry.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', entry.Text);
        Assert.DoesNotContain(LlmServerFixture.ApiKey, entry.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"id\":\"x\",\"object\":\"chat.completion\"}")]
    [InlineData("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":[{\"type\":\"function\"}]},\"finish_reason\":\"tool_calls\"}]}")]
    public async Task MalformedReply_IsNotUnderstood(string body)
    {
        _server.Reply = new ScriptedReply(200, body);
        var logger = new CapturingLogger<LlmIntentFallback>();
        using var fallback = _fixture.Fallback(logger);

        var match = await fallback.TryMatchAsync(Phrase, LlmServerFixture.Today, CancellationToken.None);

        Assert.Null(match);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Warning, 2), (entry.Level, entry.EventId));
    }

    [Fact]
    public async Task ToolCall_InAMinimalReply_IsRead()
    {
        // Only choices, and a tool call without an id: what a sparse OpenAI-compatible server may send.
        _server.Reply = new ScriptedReply(200, """
            {"choices":[{"index":0,"message":{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"job_status","arguments":"{\"job\":\"k7m2qz\"}"}}]},"finish_reason":"tool_calls"}]}
            """);
        using var fallback = _fixture.Fallback();

        var match = await fallback.TryMatchAsync("hows k7m2qz going", LlmServerFixture.Today, CancellationToken.None);

        Assert.NotNull(match);
        Assert.Equal(("job_status", "k7m2qz"), (match.Intent, match.Slots["job"].Job));
    }

    [Fact]
    public async Task SlowServer_IsNotUnderstoodWithinAboutTheTimeout()
    {
        _server.Reply = ScriptedReply.ToolCall("monitor_cluster", []) with { Delay = TimeSpan.FromSeconds(10) };
        var logger = new CapturingLogger<LlmIntentFallback>();
        using var fallback = _fixture.Fallback(logger, timeout: TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        var match = await fallback.TryMatchAsync(Phrase, LlmServerFixture.Today, CancellationToken.None);
        clock.Stop();

        Assert.Null(match);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
        Assert.Equal([1], logger.Entries.Select(e => e.EventId));
    }

    [Fact]
    public async Task CallerCancellation_IsNotSwallowed()
    {
        _server.Reply = ScriptedReply.ToolCall("monitor_cluster", []) with { Delay = TimeSpan.FromSeconds(10) };
        using var fallback = _fixture.Fallback(timeout: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fallback.TryMatchAsync(Phrase, LlmServerFixture.Today, cancel.Token));
    }

    [Fact]
    public async Task UnreachableEndpoint_IsNotUnderstood()
    {
        var logger = new CapturingLogger<LlmIntentFallback>();
        using var fallback = _fixture.Fallback(logger, endpoint: "http://127.0.0.1:1/v1");

        var match = await fallback.TryMatchAsync(Phrase, LlmServerFixture.Today, CancellationToken.None);

        Assert.Null(match);
        Assert.Equal([2], logger.Entries.Select(e => e.EventId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task NoEndpoint_IsOffAndSendsNothing(string endpoint)
    {
        using var fallback = _fixture.Fallback(endpoint: endpoint);

        var match = await fallback.TryMatchAsync(Phrase, LlmServerFixture.Today, CancellationToken.None);

        Assert.False(fallback.IsEnabled);
        Assert.Null(match);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task OverlongRequest_IsNotSent()
    {
        using var fallback = _fixture.Fallback();

        var match = await fallback.TryMatchAsync(new string('x', 501), LlmServerFixture.Today, CancellationToken.None);

        Assert.Null(match);
        Assert.Empty(_server.Requests);
    }
}
