using ClaudBot.Engine.Strategies;
using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Tests.Matching;

namespace ClaudBot.Intents.Tests.Catalog;

public sealed class CatalogLoaderTests
{
    private static readonly string[] IntentNames =
    [
        "start_cluster", "stop_cluster", "restart_cluster", "monitor_cluster", "submit_cluster_job", "job_status", "best_strategy", "walk_forward", "portfolio_backtest", "explain_losses", "list_jobs",
        "job_results", "job_json", "cancel_job", "list_strategies", "check_rule", "save_rule", "list_symbols", "update_data", "show_logs",
        "cleanup_results", "follow_up", "show_chart", "help",
        "subscribe", "unsubscribe",
        "add_schedule", "list_schedules", "cancel_schedule",
    ];

    public static TheoryData<string, string> Examples
    {
        get
        {
            var rows = new TheoryData<string, string>();
            foreach (var intent in CatalogLoader.LoadFile(ShippedMatcher.CatalogFile).Intents)
            {
                foreach (string example in intent.Examples)
                {
                    rows.Add(intent.Name, example);
                }
            }

            return rows;
        }
    }

    [Fact]
    public void ShippedCatalogue_Loads20IntentsEachDescribedWithExamplesAndPatterns()
    {
        var catalog = CatalogLoader.LoadFile(ShippedMatcher.CatalogFile);

        Assert.Equal(IntentNames, catalog.Intents.Select(i => i.Name));
        Assert.All(catalog.Intents, intent =>
        {
            Assert.False(string.IsNullOrWhiteSpace(intent.Description));
            Assert.NotEqual(intent.Name, intent.Description);
            Assert.NotEmpty(intent.Examples);
            Assert.NotEmpty(intent.Patterns);
        });
    }

    [Fact]
    public void ShippedCatalogue_OperatorsChangeThings_AndTheDestructiveOnesAskFirst()
    {
        var catalog = CatalogLoader.LoadFile(ShippedMatcher.CatalogFile);

        Assert.Equal(
            ["start_cluster", "stop_cluster", "restart_cluster", "submit_cluster_job", "best_strategy", "walk_forward", "portfolio_backtest", "cancel_job", "save_rule", "update_data", "cleanup_results", "follow_up",
                "add_schedule", "cancel_schedule"],
            catalog.Intents.Where(i => i.Role == IntentRole.Operator).Select(i => i.Name));
        Assert.Equal(
            ["stop_cluster", "restart_cluster", "cancel_job", "cleanup_results", "cancel_schedule"],
            catalog.Intents.Where(i => i.Confirm).Select(i => i.Name));
    }

    [Fact]
    public void ShippedCatalogue_AliasesPointAtRealSymbolsAndStrategies_AndMeaningfulWordsAreNotFillers()
    {
        var catalog = ShippedMatcher.Catalog;
        var symbols = ShippedMatcher.MarketData.Symbols;

        Assert.All(catalog.Aliases.Symbols, alias => Assert.Contains(alias.Value, symbols));
        Assert.All(catalog.Aliases.Strategies, alias => Assert.NotNull(StrategyCatalog.Find(alias.Value)));
        Assert.Equal(symbols, catalog.Aliases.Universes["nifty50"].Order(StringComparer.Ordinal));
        Assert.Contains("please", catalog.Fillers);
        Assert.DoesNotContain(catalog.Fillers, f => f is "on" or "to" or "for" or "show" or "what" or "do" or "and" or "last" or "job");
    }

    // The first example of each intent is the one help shows: the patterns must read it exactly.
    public static TheoryData<string, string> HelpExamples()
    {
        var rows = new TheoryData<string, string>();
        foreach (var intent in CatalogLoader.LoadFile(ShippedMatcher.CatalogFile).Intents)
        {
            rows.Add(intent.Name, intent.Examples[0]);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(HelpExamples))]
    public void ShippedHelpExample_MatchesItsOwnIntent_Unambiguously(string intent, string example)
    {
        var match = ShippedMatcher.Instance.Match(example, ShippedMatcher.Today);

        Assert.Equal(intent, match.Intent);
        Assert.Null(match.Error);
        Assert.Empty(match.Alternatives);
        Assert.Equal(1.0, match.Confidence);
    }

    // The other examples are phrasings for the semantic tier, which the patterns need not read; when they do, as their own intent.
    [Theory]
    [MemberData(nameof(Examples))]
    public void ShippedExample_IsNeverReadAsAnotherIntent(string intent, string example)
    {
        var match = ShippedMatcher.Instance.Match(example, ShippedMatcher.Today);

        Assert.True(match.Intent is null || match.Intent == intent, $"{example} => {match.Intent}");
    }

    [Theory]
    [InlineData("bad YAML", 3, "intents:\n  - name: a\n    description: a: b\n    patterns: [\"a\"]", "not valid YAML: While scanning a plain scalar value, found invalid mapping.")]
    [InlineData("unknown top-level key", 2, "fillers: [please]\nintent:\n  - name: a\n    patterns: [\"a\"]", "unknown key 'intent' (expected one of: fillers, slot_fillers, aliases, intents)")]
    [InlineData("unknown intent key", 3, "intents:\n  - name: a\n    descripton: typo\n    patterns: [\"a\"]", "unknown key 'descripton' (expected one of: name, description, role, confirm, slots, patterns, examples)")]
    [InlineData("unknown slot type", 4, "intents:\n  - name: a\n    slots:\n      when: {type: date}\n    patterns: [\"a {when}\"]", "unknown slot type 'date' for slot 'when' (known: strategies, symbols, period, job, integer, integers, enum, name, execution, parameters, length)")]
    [InlineData("enum without values", 4, "intents:\n  - name: logs\n    slots:\n      component: {type: enum, default: driver}\n    patterns: [\"logs [{component}]\"]", "enum slot 'component' needs 'values'")]
    [InlineData("duplicate intent", 6, "intents:\n  - name: help\n    patterns: [\"help\"]\n  - name: status\n    patterns: [\"status\"]\n  - name: help\n    patterns: [\"usage\"]", "duplicate intent 'help' (first defined on line 2)")]
    [InlineData("unclosed bracket", 5, "intents:\n  - name: start\n    patterns:\n      - \"start\"\n      - \"start [cluster\"", "pattern \"start [cluster\" of 'start' cannot compile: '[' is never closed")]
    [InlineData("undeclared slot", 3, "intents:\n  - name: cancel\n    patterns: [\"cancel job {job}\"]", "pattern \"cancel job {job}\" of 'cancel' cannot compile: slot {job} at column 12 is not declared in the intent's slots")]
    [InlineData("no patterns", 2, "intents:\n  - name: help\n    examples: [\"help\"]", "missing 'patterns'")]
    [InlineData("role", 3, "intents:\n  - name: start\n    role: admin\n    patterns: [\"start\"]", "role must be viewer or operator, not 'admin'")]
    public void BrokenFile_FailsWithFileLineAndReason(string problem, int line, string yaml, string reason)
    {
        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Load(new StringReader(yaml), "test.yaml"));

        Assert.False(string.IsNullOrEmpty(problem));
        Assert.Equal("test.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(reason, error.Reason);
        Assert.Equal($"test.yaml line {line}: {reason}", error.Message);
    }

    [Fact]
    public void TwoIntentsSharingAPattern_AreANearTie_TheOtherIsOfferedAndNothingRuns()
    {
        var catalog = CatalogLoader.Load(
            new StringReader("intents:\n  - name: ping\n    patterns: [\"ping [server]\"]\n  - name: pong\n    patterns: [\"ping [server]\"]\n"),
            "test.yaml");
        var matcher = ShippedMatcher.For(catalog);

        var tie = matcher.Match("ping server", ShippedMatcher.Today);

        Assert.Equal("ping", tie.Intent);
        Assert.Equal(["pong"], tie.Alternatives);
        Assert.Equal(1.0, tie.Confidence);
        Assert.False(tie.IsActionable);
    }

    [Fact]
    public void AnIntentThatExplainsMoreOfThePhrase_IsNoTie()
    {
        var catalog = CatalogLoader.Load(
            new StringReader("intents:\n  - name: ping\n    patterns: [\"ping server\"]\n  - name: pong\n    patterns: [\"ping\"]\n"),
            "test.yaml");

        var match = ShippedMatcher.For(catalog).Match("ping server", ShippedMatcher.Today);

        Assert.Equal("ping", match.Intent);
        Assert.Empty(match.Alternatives);
        Assert.True(match.IsActionable);
    }
}
