using System.Text.Json;
using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

/// <summary>The table shows each row's fees (compact rupees, the JSON's <c>metrics.fees</c>) and notes entries the size could not take.</summary>
public sealed class BacktestFeesCliTests
{
    private static readonly string[] Request = ["backtest", "rsi,buy_hold", "TCS,INFY", "2022-01-01", "2024-12-31", "--costs", "zerodha-delivery"];

    [Fact]
    public async Task ZerodhaDeliveryTable_ShowsEachRowsFees_AsTheJsonHasThem()
    {
        var json = await Cli.RunAsync([.. Request, "--json"]);
        var table = await Cli.RunAsync(outWidth: 120, Request);

        Assert.Equal((0, 0), (json.ExitCode, table.ExitCode));
        using var document = JsonDocument.Parse(json.Raw);
        var fees = document.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("metrics").GetProperty("fees").GetDouble()).ToList();
        Assert.All(fees, f => Assert.True(f > 0, "zerodha-delivery charges every trade"));
        Assert.Equal(
            fees.Select(f => Backtesting.Execution.RupeesText.Compact(f)),
            Table.Column(table.OutLines, "Fees"));
        // rsi on TCS over these three years paid Rs 5,801.68 (checked by hand against the trades' fees in the JSON).
        Assert.Equal(5801.68252633225, fees[0], 1e-6);
        Assert.Equal("5.8k", Table.Column(table.OutLines, "Fees")[0]);
        Assert.Equal(string.Empty, table.Error);
    }

    [Fact]
    public async Task ASizeThatBuysZeroWholeShares_NotesEachRowsSkippedEntries_UnderTheTable()
    {
        var run = await Cli.RunAsync(outWidth: 120, [.. Request, "--size", "amount:3000"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "Note: rsi on TCS: 2 entries were skipped: the size bought zero whole shares.",
                "Note: buy_hold on TCS: 1 entry was skipped: the size bought zero whole shares.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public async Task AGridWhoseRowsAllSkip_NotesTheFirstFive_AndCountsTheRest()
    {
        // TCS never traded below Rs 1,000: every entry of every period is skipped (each of these periods has some).
        var run = await Cli.RunAsync(outWidth: 120, "backtest", "rsi(period=2..8 step 1)", "TCS", "2022-01-01", "2024-12-31", "--costs", "zerodha-delivery", "--size", "amount:1000");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, run.ErrorLines.Count);
        Assert.Equal("Note: rsi(period=2) on TCS: 66 entries were skipped: the size bought zero whole shares.", run.ErrorLines[0]);
        Assert.All(run.ErrorLines.Take(5), line => Assert.Matches(@"^Note: rsi\(period=[2-6]\) on TCS: \d+ (entry was|entries were) skipped: the size bought zero whole shares\.$", line));
        Assert.Equal("Note: 2 more results have notes: --json gives each result's metrics.skipped_entries.", run.ErrorLines[5]);
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0"], Table.Column(run.OutLines, "Trades"));
    }
}
