using ClaudBot.Engine.Rules;
using ClaudBot.Engine.Strategies;
using ClaudBot.Hosting.Strategies;

namespace ClaudBot.Output.Json;

/// <summary><c>strategies --json</c>: each built-in with its rule and parameters (default and allowed range), then the saved rules.</summary>
internal sealed record StrategiesDocument(IReadOnlyList<StrategyDocument> Strategies, IReadOnlyList<SavedRuleDocument> Saved)
{
    public static StrategiesDocument From(IEnumerable<StrategyDefinition> definitions, IEnumerable<SavedRule> saved) => new(
        [.. definitions.Select(d => new StrategyDocument(
            d.Name,
            d.Description,
            BuiltinRules.TextFor(d.Defaults),
            [.. d.Parameters.Select(p => new ParameterDocument(p.Name, p.Default, p.Min, p.Max, p.IsInteger, p.Description))]))],
        [.. saved.Select(s => new SavedRuleDocument(s.Name, s.Error is null ? s.Rule : null, s.Error))]);
}

internal sealed record StrategyDocument(string Name, string Description, string Rule, IReadOnlyList<ParameterDocument> Parameters);

internal sealed record ParameterDocument(string Name, double Default, double Min, double Max, bool Integer, string Description);

internal sealed record SavedRuleDocument(string Name, string? Rule, string? Error);
