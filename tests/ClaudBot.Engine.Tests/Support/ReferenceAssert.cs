using System.Globalization;
using System.Text.Json;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.Tests.Support;

/// <summary>
/// Compares a whole backtest with a case of the reference fixtures (backtests.json, rule_backtests.json):
/// range length, every metric to its stated tolerance, every trade (dates and prices exactly).
/// </summary>
internal static class ReferenceAssert
{
    public static void Backtest(JsonElement expected, BacktestResult actual)
    {
        Assert.Equal(expected.GetProperty("bars").GetInt32(), actual.Range.Count);
        Metrics(expected.GetProperty("metrics"), actual.Metrics);
        var trades = expected.GetProperty("trades").EnumerateArray().ToArray();
        Assert.Equal(trades.Length, actual.Trades.Count);
        for (int i = 0; i < trades.Length; i++)
        {
            Assert.Equal(Date(trades[i], "entry_date"), actual.Trades[i].EntryDate);
            Assert.Equal(Date(trades[i], "exit_date"), actual.Trades[i].ExitDate);
            Assert.Equal(trades[i].GetProperty("entry_price").GetDouble(), actual.Trades[i].EntryPrice);
            Assert.Equal(trades[i].GetProperty("exit_price").GetDouble(), actual.Trades[i].ExitPrice);
            Reference.Close(trades[i].GetProperty("return").GetDouble(), actual.Trades[i].Return, 1e-12, $"trade {i} return");
        }
    }

    public static DateOnly Date(JsonElement element, string name) =>
        DateOnly.ParseExact(element.GetProperty(name).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void Metrics(JsonElement expected, BacktestMetrics actual)
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
}
