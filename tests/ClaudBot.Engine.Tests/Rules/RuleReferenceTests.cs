using System.Text.Json;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Rules;

/// <summary>
/// Written rules against the independent Python reference (rule_backtests.json, from tests/reference/rule_reference.py):
/// each case's rule text, exactly as a user would type it, goes through the strategy parser and the backtester the
/// way a built-in does, and every metric and trade must match. Cases cover every indicator, operator and word form,
/// precedence, crosses, lags before the first bar, both conditions holding on one bar, and the six built-ins as rules.
/// </summary>
public sealed class RuleReferenceTests
{
    private static readonly string[] BuiltInRules =
    [
        "buy when rsi(14) < 30, sell when rsi(14) > 70",
        "hold while macd(12, 26) > macd_signal(12, 26, 9)",
        "hold while close / close[20] - 1 > 0",
        "hold while sma(50) > sma(200)",
        "buy when close < bb_lower(20, 2), sell when close > bb_middle(20)",
        "hold while close > 0",
    ];

    private static readonly string[] BuiltInNames = ["rsi", "macd", "momentum", "sma_cross", "bollinger", "buy_hold"];

    /// <summary>Case index with its symbol and rule, so a failure names the rule.</summary>
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        var cases = Reference.Read("rule_backtests.json");
        for (int i = 0; i < cases.GetArrayLength(); i++)
        {
            data.Add(i, $"{cases[i].GetProperty("symbol").GetString()}: {cases[i].GetProperty("rule").GetString()}");
        }

        return data;
    }

    /// <summary>The cases that are a built-in written as a rule, with the same parameters and range.</summary>
    public static TheoryData<int, string> BuiltInCases()
    {
        var data = new TheoryData<int, string>();
        var cases = Reference.Read("rule_backtests.json");
        for (int i = 0; i < cases.GetArrayLength(); i++)
        {
            if (cases[i].TryGetProperty("builtin", out _))
            {
                data.Add(i, $"{cases[i].GetProperty("symbol").GetString()}: {cases[i].GetProperty("rule").GetString()}");
            }
        }

        return data;
    }

    /// <summary>Every bundled symbol with each built-in's default written as a rule.</summary>
    public static TheoryData<string, int> SymbolsAndBuiltIns()
    {
        var data = new TheoryData<string, int>();
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data"), "*.csv").Order(StringComparer.Ordinal))
        {
            string symbol = Path.GetFileNameWithoutExtension(path);
            if (symbol != "aliases")
            {
                for (int b = 0; b < BuiltInRules.Length; b++)
                {
                    data.Add(symbol, b);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WrittenRule_MatchesIndependentReference(int index, string symbolAndRule)
    {
        var expected = Reference.Read("rule_backtests.json")[index];
        string rule = expected.GetProperty("rule").GetString()!;
        Assert.EndsWith(rule, symbolAndRule, StringComparison.Ordinal);

        var result = Run(StrategyParser.Parse(rule).Parameters[0], expected);

        Assert.NotNull(result.Strategy.Rule);
        ReferenceAssert.Backtest(expected, result);
    }

    [Theory]
    [MemberData(nameof(BuiltInCases))]
    public void BuiltInCase_RuleGivesTheKernelsNumbers(int index, string symbolAndRule)
    {
        var expected = Reference.Read("rule_backtests.json")[index];
        var builtin = expected.GetProperty("builtin");
        var definition = StrategyCatalog.Find(builtin.GetProperty("name").GetString()!)!;
        var parameters = definition.Create(builtin.EnumerateObject().Where(p => p.Name != "name").ToDictionary(p => p.Name, p => p.Value.GetDouble()));

        var kernel = Run(parameters, expected);
        var written = Run(StrategyParser.Parse(expected.GetProperty("rule").GetString()!).Parameters[0], expected);

        AssertIdentical(kernel, written, symbolAndRule);
    }

    [Theory]
    [MemberData(nameof(SymbolsAndBuiltIns))]
    public void BuiltInWrittenAsRule_GivesTheKernelsNumbersOnEverySymbol(string symbol, int builtIn)
    {
        var bars = TestBars.Load(symbol);
        var range = BarRange.Resolve(bars, DateOnly.MinValue, DateOnly.MaxValue);
        var settings = new SimulationSettings(10);
        var backtester = new Backtester();

        var kernel = backtester.Run(StrategyCatalog.Find(BuiltInNames[builtIn])!.Create(), bars, range, settings);
        var written = backtester.Run(StrategyParser.Parse(BuiltInRules[builtIn]).Parameters[0], bars, range, settings);

        AssertIdentical(kernel, written, $"{symbol}: {BuiltInRules[builtIn]}");
    }

    private static BacktestResult Run(StrategyParameters strategy, JsonElement expected)
    {
        var bars = TestBars.Load(expected.GetProperty("symbol").GetString()!);
        var range = BarRange.Resolve(bars, ReferenceAssert.Date(expected, "from"), ReferenceAssert.Date(expected, "to"));
        return new Backtester().Run(strategy, bars, range, new SimulationSettings(expected.GetProperty("cost_bps").GetDouble()));
    }

    /// <summary>Exactly the same numbers: the spec asks a built-in written as a rule for its kernel's results, not close ones.</summary>
    private static void AssertIdentical(BacktestResult kernel, BacktestResult written, string what)
    {
        Assert.True(kernel.Metrics == written.Metrics, $"{what}: metrics {written.Metrics} differ from the kernel's {kernel.Metrics}");
        Assert.Equal(kernel.Trades, written.Trades);
    }
}
