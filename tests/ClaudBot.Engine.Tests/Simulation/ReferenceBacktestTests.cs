using System.Globalization;
using System.Text.Json;
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
        var range = BarRange.Resolve(bars, Date(expected, "from"), Date(expected, "to"));

        var result = new Backtester().Run(parameters, bars, range, new SimulationSettings(expected.GetProperty("cost_bps").GetDouble()));

        Assert.Equal(expected.GetProperty("bars").GetInt32(), range.Count);
        AssertMetrics(expected.GetProperty("metrics"), result.Metrics);
        var trades = expected.GetProperty("trades").EnumerateArray().ToArray();
        Assert.Equal(trades.Length, result.Trades.Count);
        for (int i = 0; i < trades.Length; i++)
        {
            Assert.Equal(Date(trades[i], "entry_date"), result.Trades[i].EntryDate);
            Assert.Equal(Date(trades[i], "exit_date"), result.Trades[i].ExitDate);
            Assert.Equal(trades[i].GetProperty("entry_price").GetDouble(), result.Trades[i].EntryPrice);
            Assert.Equal(trades[i].GetProperty("exit_price").GetDouble(), result.Trades[i].ExitPrice);
            Reference.Close(trades[i].GetProperty("return").GetDouble(), result.Trades[i].Return, 1e-12, $"trade {i} return");
        }
    }

    private static void AssertMetrics(JsonElement expected, BacktestMetrics actual)
    {
        Reference.Close(expected.GetProperty("total_return").GetDouble(), actual.TotalReturn, 1e-10, "total_return");
        Reference.Close(expected.GetProperty("cagr").GetDouble(), actual.Cagr, 1e-10, "cagr");
        Reference.Close(expected.GetProperty("volatility").GetDouble(), actual.Volatility, 1e-9, "volatility");
        Reference.Close(expected.GetProperty("sharpe").GetDouble(), actual.Sharpe, 1e-9, "sharpe");
        Reference.Close(expected.GetProperty("sortino").GetDouble(), actual.Sortino, 1e-9, "sortino");
        Reference.Close(expected.GetProperty("max_drawdown").GetDouble(), actual.MaxDrawdown, 1e-10, "max_drawdown");
        Reference.Close(expected.GetProperty("calmar").GetDouble(), actual.Calmar, 1e-9, "calmar");
        Assert.Equal(expected.GetProperty("trades").GetInt32(), actual.Trades);
        Reference.Close(expected.GetProperty("win_rate").GetDouble(), actual.WinRate, 1e-12, "win_rate");
        var profitFactor = expected.GetProperty("profit_factor");
        if (profitFactor.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual.ProfitFactor);
        }
        else
        {
            Assert.NotNull(actual.ProfitFactor);
            Reference.Close(profitFactor.GetDouble(), actual.ProfitFactor.Value, 1e-9, "profit_factor");
        }

        Reference.Close(expected.GetProperty("exposure").GetDouble(), actual.Exposure, 1e-12, "exposure");
        Reference.Close(expected.GetProperty("final_equity").GetDouble(), actual.FinalEquity, 1e-10, "final_equity");
    }

    private static DateOnly Date(JsonElement element, string name) =>
        DateOnly.ParseExact(element.GetProperty(name).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
