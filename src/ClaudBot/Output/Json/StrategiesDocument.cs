using ClaudBot.Engine.Strategies;

namespace ClaudBot.Output.Json;

/// <summary><c>strategies --json</c>: each strategy with its rule and parameters (default and allowed range).</summary>
internal sealed record StrategiesDocument(IReadOnlyList<StrategyDocument> Strategies)
{
    public static StrategiesDocument From(IEnumerable<StrategyDefinition> definitions) => new(
        [.. definitions.Select(d => new StrategyDocument(
            d.Name,
            d.Description,
            [.. d.Parameters.Select(p => new ParameterDocument(p.Name, p.Default, p.Min, p.Max, p.IsInteger, p.Description))]))]);
}

internal sealed record StrategyDocument(string Name, string Description, IReadOnlyList<ParameterDocument> Parameters);

internal sealed record ParameterDocument(string Name, double Default, double Min, double Max, bool Integer, string Description);
