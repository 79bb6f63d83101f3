using ClaudBot.Engine.Data;
using ClaudBot.Engine.Rules;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Rules;

/// <summary>
/// Every built-in written as a rule gives exactly (==, every metric and every trade) its kernel's numbers on every bundled
/// symbol, over the whole series and over a range whose indicators warm up before it starts.
/// </summary>
public sealed class BuiltinRuleEquivalenceTests
{
    public static TheoryData<string> Symbols()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data"), "*.csv").Order(StringComparer.Ordinal))
        {
            string symbol = Path.GetFileNameWithoutExtension(file);
            if (symbol != "aliases")
            {
                data.Add(symbol);
            }
        }

        return data;
    }

    /// <summary>Defaults and the grid points the issue names.</summary>
    internal static IEnumerable<StrategyParameters> Strategies()
    {
        foreach (var definition in StrategyCatalog.All)
        {
            yield return definition.Defaults;
        }

        foreach (var (period, lower, upper) in new[] { (2, 10, 90), (7, 10, 90), (21, 10, 90), (2, 40, 60), (7, 40, 60), (21, 40, 60) })
        {
            yield return StrategyCatalog.Rsi.Create(new Dictionary<string, double> { ["period"] = period, ["lower"] = lower, ["upper"] = upper });
        }

        yield return StrategyCatalog.SmaCross.Create(new Dictionary<string, double> { ["fast"] = 5, ["slow"] = 20 });
        yield return StrategyCatalog.SmaCross.Create(new Dictionary<string, double> { ["fast"] = 20, ["slow"] = 100 });
        yield return StrategyCatalog.Bollinger.Create(new Dictionary<string, double> { ["period"] = 10, ["k"] = 1.5 });
        yield return StrategyCatalog.Macd.Create(new Dictionary<string, double> { ["fast"] = 5, ["slow"] = 35, ["signal"] = 5 });
        yield return StrategyCatalog.Momentum.Create(new Dictionary<string, double> { ["lookback"] = 60, ["threshold"] = 0.05 });
    }

    [Fact]
    public void Symbols_AreTheBundled49()
    {
        Assert.Equal(49, Symbols().Count);
    }

    [Theory]
    [MemberData(nameof(Symbols))]
    public void EveryBuiltinAsARule_GivesItsKernelsMetricsAndTrades_Exactly(string symbol)
    {
        var bars = TestBars.Load(symbol);
        var settings = new SimulationSettings(CostBps: 10);
        var whole = new BarRange(0, bars.Count - 1, bars.FirstDate, bars.LastDate, bars.FirstDate, bars.LastDate);
        int from = bars.Count / 3;
        int to = bars.Count - 17;
        var part = new BarRange(from, to, bars.DateAt(from), bars.DateAt(to), bars.DateAt(from), bars.DateAt(to));

        // One backtester for all: the rule path's series cache is shared across strategies, as within a chunk.
        var kernels = new Backtester();
        var rules = new Backtester();
        int compared = 0;
        foreach (var strategy in Strategies())
        {
            var rule = RuleTreeBuilder.Strategy(RuleTreeBuilder.Builtin(strategy));
            foreach (var range in new[] { whole, part })
            {
                var expected = kernels.Run(strategy, bars, range, settings, includeEquity: true);
                var actual = rules.Run(rule, bars, range, settings, includeEquity: true);
                string what = $"{symbol} {strategy} bars {range.Start}..{range.End}";
                Assert.True(expected.Metrics == actual.Metrics, $"{what}: kernel {expected.Metrics}, rule {actual.Metrics}");
                Assert.True(expected.Trades.SequenceEqual(actual.Trades), $"{what}: trades differ ({expected.Trades.Count} vs {actual.Trades.Count})");
                Assert.True(expected.Equity!.SequenceEqual(actual.Equity!), $"{what}: equity curves differ");
                compared++;
            }
        }

        Assert.Equal(2 * Strategies().Count(), compared);
    }

    [Fact]
    public void BundledFile_WritesEachBuiltinWithItsParameters()
    {
        Assert.Equal(StrategyCatalog.All.Select(d => d.Name).Order(), BuiltinRules.All.Keys.Order());
        Assert.Equal("buy when rsi(14) < 30, sell when rsi(14) > 70", BuiltinRules.TextFor(StrategyCatalog.Rsi.Defaults));
        Assert.Equal("hold while close / close[60] - 1 > 0.05", BuiltinRules.TextFor(Strategies().Single(s => s.Name == "momentum" && s["lookback"] == 60)));
        Assert.Equal("buy when close < bb_lower(10, 1.5), sell when close > bb_middle(10)", BuiltinRules.TextFor(Strategies().Single(s => s.Name == "bollinger" && s["period"] == 10)));
    }

    [Fact]
    public void BundledFile_ParsesToTheTreesTheEquivalenceTestRuns()
    {
        foreach (var strategy in Strategies())
        {
            var parsed = BuiltinRules.For(strategy);
            var built = RuleTreeBuilder.Builtin(strategy);
            Assert.Equal(built.Syntax, parsed.Syntax);
            Assert.Equal(Enumerable.Range(0, built.Template.Slots.Count).Select(built.Value), Enumerable.Range(0, parsed.Template.Slots.Count).Select(parsed.Value));
        }
    }
}
