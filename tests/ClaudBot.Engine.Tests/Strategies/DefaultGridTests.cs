using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Engine.Tests.Strategies;

/// <summary>The grids "which strategy works best" runs: each parses to its own strategy, every point valid, defaults included.</summary>
public sealed class DefaultGridTests
{
    public static TheoryData<string> Names() => [.. StrategyCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void DefaultGrid_ParsesToItsOwnStrategy_AndHoldsItsDefaults(string name)
    {
        var definition = StrategyCatalog.Find(name)!;

        var points = StrategyParser.Parse(definition.DefaultGrid).Parameters;

        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.Same(definition, p.Definition));
        Assert.Contains(definition.Defaults, points);
        Assert.Equal(points.Count, points.Distinct().Count());
    }

    [Fact]
    public void EveryDefaultGrid_IsEveryStrategyOnce_In29Backtests()
    {
        var points = StrategyParser.Parse(StrategyCatalog.EveryDefaultGrid).Parameters;

        Assert.Equal(StrategyCatalog.All.Select(d => d.Name), points.Select(p => p.Definition.Name).Distinct());
        Assert.Equal(12 + 4 + 3 + 6 + 3 + 1, points.Count);
    }
}
