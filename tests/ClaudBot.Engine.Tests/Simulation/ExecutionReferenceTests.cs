using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Tests.Support;

namespace ClaudBot.Engine.Tests.Simulation;

/// <summary>
/// Whole backtests with the execution rules of issue #13 (charges, slippage, sizing, whole shares, stops, targets,
/// trails) against the independent Python reference (exec_backtests.json): every metric, fees, turnover, skipped
/// entries, and every trade with its fees to 1e-9.
/// </summary>
public sealed class ExecutionReferenceTests
{
    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, Reference.Read("exec_backtests.json").GetArrayLength())];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backtest_WithExecutionRules_MatchesIndependentReference(int index)
    {
        var expected = Reference.Read("exec_backtests.json")[index];
        var bars = TestBars.Load(expected.GetProperty("symbol").GetString()!);
        var definition = StrategyCatalog.Find(expected.GetProperty("strategy").GetString()!)!;
        var execution = expected.GetProperty("execution");
        var parameters = definition.Create(expected.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()))
            .WithExits(ReferenceExecution.Exits(execution));
        var range = BarRange.Resolve(bars, ReferenceAssert.Date(expected, "from"), ReferenceAssert.Date(expected, "to"));

        var result = new Backtester().Run(parameters, bars, range, ReferenceExecution.Settings(execution));

        Assert.Equal(expected.GetProperty("bars").GetInt32(), result.Range.Count);
        var metrics = expected.GetProperty("metrics");
        ReferenceAssert.Metrics(metrics, result.Metrics);
        Reference.Close(metrics.GetProperty("fees").GetDouble(), result.Metrics.Fees, 1e-9, "fees");
        Reference.Close(metrics.GetProperty("turnover").GetDouble(), result.Metrics.Turnover, 1e-12, "turnover");
        Assert.Equal(metrics.GetProperty("skipped_entries").GetInt32(), result.Metrics.SkippedEntries);
        var trades = expected.GetProperty("trades").EnumerateArray().ToArray();
        Assert.Equal(trades.Length, result.Trades.Count);
        for (int i = 0; i < trades.Length; i++)
        {
            var want = trades[i];
            var got = result.Trades[i];
            Assert.Equal((ReferenceAssert.Date(want, "entry_date"), ReferenceAssert.Date(want, "exit_date")), (got.EntryDate, got.ExitDate));
            Assert.Equal(want.GetProperty("reason").GetString(), got.Reason.ToString().ToLowerInvariant());
            Reference.Close(want.GetProperty("entry_price").GetDouble(), got.EntryPrice, 1e-12, $"trade {i} entry price");
            Reference.Close(want.GetProperty("exit_price").GetDouble(), got.ExitPrice, 1e-12, $"trade {i} exit price");
            Reference.Close(want.GetProperty("shares").GetDouble(), got.Shares, 1e-12, $"trade {i} shares");
            Reference.Close(want.GetProperty("return").GetDouble(), got.Return, 1e-12, $"trade {i} return");
            Reference.Close(want.GetProperty("fees").GetDouble(), got.Fees, 1e-9, $"trade {i} fees");
        }
    }
}
