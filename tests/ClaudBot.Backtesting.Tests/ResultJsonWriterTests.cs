using System.Text.Json;
using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Backtesting.Tests;

/// <summary>JSON has no NaN or Infinity: a non-finite number is written as null, never thrown on.</summary>
public sealed class ResultJsonWriterTests
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 1, 2);

    [Fact]
    public void NonFiniteMetrics_AreWrittenAsNull_AndTheRestAsNumbers()
    {
        var metrics = new BacktestMetrics(
            TotalReturn: 9.0, Cagr: double.PositiveInfinity, Volatility: 0.25, Sharpe: double.NaN, Sortino: double.NegativeInfinity,
            MaxDrawdown: -0.5, Calmar: double.PositiveInfinity, Trades: 1, WinRate: 1.0, ProfitFactor: double.PositiveInfinity,
            Exposure: 0.5, FinalEquity: 10_000_000) { Fees = 123.5, Turnover = double.NaN, SkippedEntries = 3 };
        var result = new BacktestResult(
            StrategyCatalog.Rsi.Create(), "TCS", new BarRange(0, 1, From, To, From, To), 10, metrics,
            [new TradeResult(From, 100, To, double.NaN, double.PositiveInfinity, false) { Fees = 42.25 }],
            [1_000_000, double.PositiveInfinity]);

        using var json = JsonDocument.Parse(Write(result));
        var root = json.RootElement;
        var written = root.GetProperty("metrics");

        Assert.Equal(
            ["cagr", "sharpe", "sortino", "calmar", "profit_factor", "turnover"],
            written.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Null).Select(p => p.Name));
        Assert.Equal(
            [("total_return", 9.0), ("volatility", 0.25), ("max_drawdown", -0.5), ("trades", 1), ("win_rate", 1.0), ("exposure", 0.5), ("final_equity", 10_000_000), ("fees", 123.5), ("skipped_entries", 3)],
            written.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => (p.Name, p.Value.GetDouble())));
        var trade = root.GetProperty("trades")[0];
        Assert.Equal((100.0, JsonValueKind.Null, JsonValueKind.Null), (trade.GetProperty("entry_price").GetDouble(), trade.GetProperty("exit_price").ValueKind, trade.GetProperty("return").ValueKind));
        Assert.Equal(42.25, trade.GetProperty("fees").GetDouble());
        Assert.Equal([JsonValueKind.Number, JsonValueKind.Null], root.GetProperty("equity").EnumerateArray().Select(v => v.ValueKind));
    }

    internal static byte[] Write(BacktestResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ResultJsonWriter.Write(writer, result);
        }

        return stream.ToArray();
    }
}
