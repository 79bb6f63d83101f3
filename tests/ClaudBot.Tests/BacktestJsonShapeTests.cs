using System.Globalization;
using System.Text.Json;
using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

public sealed class BacktestJsonShapeTests
{
    [Fact]
    public async Task Json_HasTheDocumentedShape()
    {
        var run = await Cli.RunAsync("backtest", "rsi,buy_hold", "RELIANCE,HDFC", "2021-01-01", "2026-12-31", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        using var json = JsonDocument.Parse(run.Raw);
        var root = json.RootElement;
        Assert.Equal(["results", "notes", "cost_bps", "initial_capital", "costs", "cost_model", "slippage_bps", "size", "whole_shares"], Names(root));
        Assert.Equal(10, root.GetProperty("cost_bps").GetDouble());
        Assert.Equal(1_000_000, root.GetProperty("initial_capital").GetDouble());
        Assert.Equal(
            [
                "HDFC Ltd merged into HDFC Bank in July 2023; HDFC resolves to HDFCBANK",
                "RELIANCE, HDFCBANK: data covers 2021-01-27 to 2026-01-23, so ran 2021-01-27 to 2026-01-23 (asked 2021-01-01 to 2026-12-31).",
            ],
            root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(
            [("rsi", "RELIANCE"), ("rsi", "HDFCBANK"), ("buy_hold", "RELIANCE"), ("buy_hold", "HDFCBANK")],
            results.Select(r => (r.GetProperty("strategy").GetString(), r.GetProperty("symbol").GetString())));
        Assert.All(results, AssertResultShape);
    }

    [Fact]
    public async Task Json_NotesGoToErrorAndIntoTheDocument()
    {
        var run = await Cli.RunAsync("backtest", "rsi", "HDFC", "2022-01-01", "2022-12-31", "--json");

        const string Note = "HDFC Ltd merged into HDFC Bank in July 2023; HDFC resolves to HDFCBANK";
        using var json = JsonDocument.Parse(run.Raw);
        Assert.Equal([Note], json.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["Note: " + Note], run.ErrorLines);
    }

    [Fact]
    public async Task Json_BuyHoldWithNoLosingTrade_HasNullProfitFactor()
    {
        var run = await Cli.RunAsync("backtest", "buy_hold", "RELIANCE", "2021-01-01", "2026-12-31", "--json");

        using var json = JsonDocument.Parse(run.Raw);
        var metrics = json.RootElement.GetProperty("results")[0].GetProperty("metrics");
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("profit_factor").ValueKind);
        Assert.Equal(1, metrics.GetProperty("trades").GetInt32());
    }

    [Fact]
    public async Task Json_WithEquity_AddsOneValuePerBarEndingAtFinalEquity()
    {
        var run = await Cli.RunAsync("backtest", "rsi,macd", "TCS", "2022-01-01", "2022-12-31", "--json", "--equity");

        using var json = JsonDocument.Parse(run.Raw);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal([.. JsonShape.ResultKeys, "equity"], Names(r));
            double[] equity = [.. r.GetProperty("equity").EnumerateArray().Select(v => v.GetDouble())];
            Assert.Equal(r.GetProperty("bars").GetInt32(), equity.Length);
            Assert.Equal(r.GetProperty("metrics").GetProperty("final_equity").GetDouble(), equity[^1]);
        });
    }

    private static void AssertResultShape(JsonElement result)
    {
        Assert.Equal(JsonShape.ResultKeys, Names(result));
        Assert.Equal(JsonValueKind.Object, result.GetProperty("params").ValueKind);
        Assert.All(result.GetProperty("params").EnumerateObject(), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));
        var from = IsoDate(result.GetProperty("from"));
        var to = IsoDate(result.GetProperty("to"));
        Assert.True(from <= to, $"{from} after {to}");
        Assert.True(result.GetProperty("bars").GetInt32() > 0);
        var metrics = result.GetProperty("metrics");
        Assert.Equal(JsonShape.MetricKeys, Names(metrics));
        Assert.All(metrics.EnumerateObject(), m => Assert.True(
            m.Value.ValueKind == JsonValueKind.Number || (m.Name == "profit_factor" && m.Value.ValueKind == JsonValueKind.Null),
            $"{m.Name} is {m.Value.ValueKind}"));
        var benchmark = result.GetProperty("benchmark");
        Assert.Equal(["total_return", "cagr", "sharpe", "max_drawdown", "final_equity"], Names(benchmark));
        Assert.All(benchmark.EnumerateObject(), m => Assert.Equal(JsonValueKind.Number, m.Value.ValueKind));
        Assert.Equal(
            metrics.GetProperty("total_return").GetDouble() - benchmark.GetProperty("total_return").GetDouble(),
            result.GetProperty("excess_return").GetDouble());
        Assert.Equal([JsonValueKind.Number, JsonValueKind.Number], ((string[])["beta", "alpha"]).Select(name => result.GetProperty(name).ValueKind));
        var trades = result.GetProperty("trades").EnumerateArray().ToList();
        Assert.Equal(metrics.GetProperty("trades").GetInt32(), trades.Count);
        Assert.All(trades, trade =>
        {
            Assert.Equal(JsonShape.TradeKeys, Names(trade));
            Assert.InRange(IsoDate(trade.GetProperty("entry_date")), from, to);
            Assert.InRange(IsoDate(trade.GetProperty("exit_date")), from, to);
            Assert.Equal(JsonValueKind.Number, trade.GetProperty("entry_price").ValueKind);
            Assert.Equal(JsonValueKind.Number, trade.GetProperty("exit_price").ValueKind);
            Assert.Equal(JsonValueKind.Number, trade.GetProperty("return").ValueKind);
            Assert.Contains(trade.GetProperty("open").ValueKind, (JsonValueKind[])[JsonValueKind.True, JsonValueKind.False]);
        });
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static DateOnly IsoDate(JsonElement element)
    {
        Assert.Equal(JsonValueKind.String, element.ValueKind);
        return DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
