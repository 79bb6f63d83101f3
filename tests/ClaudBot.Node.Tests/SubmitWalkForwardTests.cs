using System.Globalization;
using ClaudBot.Cluster.WalkForward;
using ClaudBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Tests;

/// <summary>
/// <c>claudbot-node submit --walkforward</c> in this process against a node (driver and worker, the embedded queue
/// server) hosted in this process on a home of its own, as <c>claudbot-node start</c> and a submit on one box share one.
/// </summary>
[Trait("Category", "RealServer")]
[Collection(ProcessEnvironment.Name)]
public sealed class SubmitWalkForwardTests : InProcessNode
{
    [Fact]
    public async Task AWalkForwardWaitedFor_PrintsALinePerSymbolAndWindow_WithTheReportsFigures()
    {
        var (exit, output, error) = await RunAsync(
            "submit", "rsi(period=7|14, lower=25|30)", "TCS,INFY", "2022-01-01", "2023-12-31", "--walkforward", "--in", "1y", "--out", "6m", "--min-trades", "1", "--wait");

        Assert.True(exit == ExitCodes.Success, error);
        var job = Assert.Single(await Client.ListAsync(0, 10, CancellationToken.None));
        await using var file = File.OpenRead(WalkForwardReports.PathFor(job.ResultsFile!));
        var report = await WalkForwardReports.ReadAsync(file, CancellationToken.None);
        Assert.Equal(["TCS", "INFY"], report.Symbols.Select(s => s.Symbol));
        Assert.Equal(2, report.Windows.Count);
        Assert.Contains(report.Symbols.SelectMany(s => s.Windows), w => w.Parameters is not null);

        string[] lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"Walk-forward: {report.Settings.Describe()}; 2 windows; median efficiency {Ratio(report.MedianEfficiency)}", lines);
        foreach (var symbol in report.Symbols)
        {
            string line = Assert.Single(lines, l => l.StartsWith(symbol.Symbol + " ", StringComparison.Ordinal) && l.Contains("distinct pick", StringComparison.Ordinal));
            var stitched = symbol.Stitched.Metrics;
            Assert.Contains(Invariant($"out-of-sample CAGR {Percent(stitched.Cagr)}, Sharpe {stitched.Sharpe:0.00}, max drawdown {Percent(stitched.MaxDrawdown)}, {stitched.Trades} trade"), line, StringComparison.Ordinal);
            Assert.Contains($"defaults CAGR {Percent(symbol.Defaults?.Metrics.Cagr)};", line, StringComparison.Ordinal);
            Assert.Contains($"buy and hold CAGR {Percent(symbol.BuyHold.Metrics.Cagr)};", line, StringComparison.Ordinal);
            Assert.Contains(Invariant($"efficiency {Ratio(symbol.Efficiency)}; {symbol.DistinctPicks} distinct pick"), line, StringComparison.Ordinal);
            foreach (var window in symbol.Windows)
            {
                string row = Assert.Single(lines, l => l.StartsWith(symbol.Symbol + " ", StringComparison.Ordinal) && l.Contains(Invariant($" window {window.Index + 1} "), StringComparison.Ordinal));
                Assert.EndsWith(
                    Invariant($"{window.OutFirst:yyyy-MM-dd}..{window.OutLast:yyyy-MM-dd}  {window.Parameters ?? window.Note}  in-sample CAGR {Percent(window.InSample?.Cagr)}  out-of-sample CAGR {Percent(window.OutOfSample?.Cagr)}"),
                    row,
                    StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("Error: The in-sample length ", "--walkforward", "--in", "2 fortnights", "--out", "6m")]
    [InlineData("Error: --in is a walk-forward setting: add --walkforward to run a walk-forward.", "--in", "2y")]
    public async Task AWalkForwardMistake_IsOneErrorLine_AndBadInput_AndQueuesNothing(string expected, params string[] options)
    {
        var (exit, output, error) = await RunAsync(["submit", "rsi", "TCS", "2022-01-01", "2023-12-31", .. options, "--wait"]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith(expected, Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.Empty(await Client.ListAsync(0, 10, CancellationToken.None));
    }


    private static string Percent(double? fraction) => fraction is { } value ? Invariant($"{value * 100:0.0}%") : "n/a";

    private static string Ratio(double? ratio) => ratio is { } value ? Invariant($"{value:0.00}") : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
