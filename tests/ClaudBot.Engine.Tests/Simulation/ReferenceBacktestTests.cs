using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Simulation;

/// <summary>
/// Whole backtests on the bundled data against the independent Python implementation of the spec:
/// every metric, every trade. Cases cover each strategy, clipped and mid-history ranges, costs 0-25 bps.
/// </summary>
public sealed class ReferenceBacktestTests
{
    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, Reference.Read("backtests.json").GetArrayLength())];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backtest_MatchesIndependentReference(int index)
    {
        var expected = Reference.Read("backtests.json")[index];
        var bars = TestBars.Load(expected.GetProperty("symbol").GetString()!);
        var definition = StrategyCatalog.Find(expected.GetProperty("strategy").GetString()!)!;
        var parameters = definition.Create(expected.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()));
        var range = BarRange.Resolve(bars, ReferenceAssert.Date(expected, "from"), ReferenceAssert.Date(expected, "to"));

        var result = new Backtester().Run(parameters, bars, range, new SimulationSettings(expected.GetProperty("cost_bps").GetDouble()));

        ReferenceAssert.Backtest(expected, result);
    }
}
