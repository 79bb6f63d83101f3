using System.Text.Json;
using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

/// <summary><c>--costs</c>, <c>--slippage-bps</c>, <c>--size</c>, <c>--whole-shares</c>/<c>--fractional</c>: what ran is named at the top of the JSON, and charged.</summary>
public sealed class BacktestExecutionCliTests
{
    [Fact]
    public async Task ZerodhaDelivery_NamesTheModel_AndEveryTradeCarriesItsFees()
    {
        var run = await Cli.RunAsync("backtest", "rsi", "TCS", "2022-01-01", "2024-12-31", "--costs", "zerodha-delivery", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Raw);
        var root = json.RootElement;
        Assert.Equal("zerodha-delivery", root.GetProperty("costs").GetString());
        Assert.Equal(0.001, root.GetProperty("cost_model").GetProperty("stt_buy").GetDouble(), 1e-15);
        Assert.Equal(15.93, root.GetProperty("cost_model").GetProperty("dp_per_sell").GetDouble());
        Assert.Equal("2026-12-01", root.GetProperty("cost_model").GetProperty("effective_date").GetString());
        Assert.Equal(0, root.GetProperty("slippage_bps").GetDouble());
        Assert.Equal("all", root.GetProperty("size").GetString());
        Assert.True(root.GetProperty("whole_shares").GetBoolean());

        var result = Assert.Single(root.GetProperty("results").EnumerateArray().ToList());
        var trades = result.GetProperty("trades").EnumerateArray().ToList();
        Assert.NotEmpty(trades);
        Assert.All(trades, t => Assert.True(t.GetProperty("fees").GetDouble() > 0, "every trade pays STT at least"));
        double fees = result.GetProperty("metrics").GetProperty("fees").GetDouble();
        Assert.Equal(trades.Sum(t => t.GetProperty("fees").GetDouble()), fees, 1e-6);
        Assert.True(result.GetProperty("metrics").GetProperty("turnover").GetDouble() > 0);
    }

    [Fact]
    public async Task NothingAsked_IsBps10WithFractionalShares()
    {
        var run = await Cli.RunAsync("backtest", "rsi", "TCS", "2022-01-01", "2022-12-31", "--json");

        using var json = JsonDocument.Parse(run.Raw);
        var root = json.RootElement;
        Assert.Equal("bps:10", root.GetProperty("costs").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("cost_model").ValueKind);
        Assert.False(root.GetProperty("whole_shares").GetBoolean());
        Assert.Equal(10, root.GetProperty("cost_bps").GetDouble());
    }

    [Fact]
    public async Task SlippageSizeAndFractional_AreCarriedToTheRun()
    {
        var run = await Cli.RunAsync("backtest", "rsi", "TCS", "2022-01-01", "2022-12-31", "--costs", "zerodha-intraday", "--slippage-bps", "5", "--size", "pct:10", "--fractional", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Raw);
        var root = json.RootElement;
        Assert.Equal("zerodha-intraday", root.GetProperty("costs").GetString());
        Assert.Equal(5, root.GetProperty("slippage_bps").GetDouble());
        Assert.Equal("pct:10", root.GetProperty("size").GetString());
        Assert.False(root.GetProperty("whole_shares").GetBoolean());
    }

    [Fact]
    public async Task Table_TitleSaysWhatRan()
    {
        var run = await Cli.RunAsync(outWidth: 120, "backtest", "rsi", "TCS", "2022-01-01", "2022-12-31", "--costs", "zerodha-delivery", "--size", "amount:50000");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Backtest · zerodha-delivery · capital 1,000,000", run.Out, StringComparison.Ordinal);
        Assert.Contains("slippage 0 bps · size amount:50000 · whole shares", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--costs", "zerodha-delvery" }, "Error: unknown cost model 'zerodha-delvery': did you mean zerodha-delivery? Known: bps:N, zerodha-delivery, zerodha-intraday")]
    [InlineData(new[] { "--costs", "bps:10000" }, "Error: 'bps:10000' is not a cost model: write bps:N with N at least 0 and below 10000, e.g. bps:10.")]
    [InlineData(new[] { "--costs", "zerodha-delivery", "--cost-bps", "5" }, "Error: give a cost model (costs) or a cost in basis points (cost_bps), not both.")]
    [InlineData(new[] { "--whole-shares", "--fractional" }, "Error: Give --whole-shares or --fractional, not both.")]
    [InlineData(new[] { "--size", "half" }, "Error: 'half' is not a size: write all, pct:P (P% of equity) or amount:A (A rupees).")]
    [InlineData(new[] { "--size", "amount:2000000" }, "Error: A size of Rs 2000000 must be above 0 and at most the initial capital (Rs 1000000).")]
    [InlineData(new[] { "--slippage-bps", "-1" }, "Error: Slippage must be at least 0 and below 10000 basis points.")]
    public async Task BadExecution_ExitsTwoWithOneLine(string[] options, string error)
    {
        var run = await Cli.RunAsync(["backtest", "rsi", "TCS", "2022-01-01", "2022-12-31", .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([error], run.ErrorLines);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Costs_ListsEachModelWithItsCharges()
    {
        var run = await Cli.RunAsync(outWidth: 200, "costs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("zerodha-delivery  Zerodha, NSE equity delivery (CNC)", run.OutLines);
        Assert.Contains("  brokerage min(Rs 20, 0.03%) · STT 0% buy, 0.025% sell · exchange 0.00297%", run.OutLines);
        Assert.Contains("  SEBI Rs 10/crore · stamp 0.015% on buys · GST 18% · DP Rs 15.93 per sell · whole shares", run.OutLines);
    }
}
