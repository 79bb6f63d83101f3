using System.Globalization;
using System.Text.Json;
using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

/// <summary>
/// <c>claudbot portfolio</c> on the bundled data: the issue's 5-symbol, 2-slot rsi case prints the reference's figures
/// (tests/reference/portfolio_reference.py) for the account and the equal-weight buy and hold, and writes the chart;
/// what a portfolio cannot run is one error line and exit code 2. (A grid or several counts is a portfolio job: the
/// PortfolioJobCommandTests.)
/// </summary>
public sealed class PortfolioCommandTests
{
    [Fact]
    public async Task TheIssuesCase_PrintsTheReferencesFigures_AndWritesTheChart()
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "portfolio.json"))).RootElement
            .EnumerateArray().Single(c => c.GetProperty("name").GetString() == "issue-rsi-5x2").GetProperty("report");
        string chart = Path.Combine(Path.GetTempPath(), $"claudbot-portfolio-{Guid.NewGuid():N}.png");
        try
        {
            var run = await Cli.RunAsync(200, "portfolio", "rsi", "TCS,INFY,RELIANCE,SBIN,ITC", "2021-01-01", "2024-12-31", "--max-positions", "2", "--costs", "bps:10", "--chart", chart);

            Assert.True(run.ExitCode == 0, run.Out + run.Error);
            var metrics = expected.GetProperty("metrics");
            var portfolio = Cells(run.OutLines.Single(l => l.Contains("│ portfolio", StringComparison.Ordinal)));
            Assert.Equal(
                [Percent(metrics, "total_return"), Percent(metrics, "cagr"), metrics.GetProperty("sharpe").GetDouble().ToString("0.00", CultureInfo.InvariantCulture), Percent(metrics, "max_drawdown"), metrics.GetProperty("trades").GetInt32().ToString(CultureInfo.InvariantCulture)],
                portfolio[1..6]);
            var hold = Cells(run.OutLines.Single(l => l.Contains("│ buy & hold", StringComparison.Ordinal)));
            Assert.Equal(Percent(expected.GetProperty("benchmark").GetProperty("metrics"), "total_return"), hold[1]);
            Assert.Contains("5 symbols, at most 2 positions, 2021-01-27 to 2024-12-31", run.Out, StringComparison.Ordinal);
            Assert.True(File.ReadAllBytes(chart).AsSpan().StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]), "not a PNG");
        }
        finally
        {
            File.Delete(chart);
        }
    }

    [Fact]
    public async Task ASymbolsOwnStrategy_IsNamed_AndChangesTheAccount()
    {
        var plain = await Cli.RunAsync(200, "portfolio", "rsi", "TCS,INFY,SBIN", "2021-01-01", "2024-12-31", "--max-positions", "2");
        var own = await Cli.RunAsync(200, "portfolio", "rsi", "TCS,INFY,SBIN", "2021-01-01", "2024-12-31", "--max-positions", "2", "--strategy-for", "sbin=macd");

        Assert.True(own.ExitCode == 0, own.Out + own.Error);
        Assert.Contains("SBIN runs its own strategy: macd(fast=12, slow=26, signal=9)", own.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("runs its own strategy", plain.Out, StringComparison.Ordinal);
        Assert.NotEqual(plain.OutLines.Single(l => l.Contains("│ portfolio", StringComparison.Ordinal)), own.OutLines.Single(l => l.Contains("│ portfolio", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("rsi", "0", "slots", "max")]
    [InlineData("rsi", "two", "slots", "--max-positions takes position counts, e.g. 5 or 5,10,20, not 'two'.")]
    [InlineData("rsi", "2", "all", "all")]
    public async Task WhatAPortfolioCannotRun_IsOneErrorLine_AndExitCode2(string strategy, string maxPositions, string size, string mentioned)
    {
        var run = await Cli.RunAsync("portfolio", strategy, "TCS,INFY", "2022-01-01", "2023-12-31", "--max-positions", maxPositions, "--size", size);

        Assert.Equal(2, run.ExitCode);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error:", error, StringComparison.Ordinal);
        Assert.Contains(mentioned, error, StringComparison.OrdinalIgnoreCase);
    }

    private static string Percent(JsonElement metrics, string name) =>
        (metrics.GetProperty(name).GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string[] Cells(string row) => [.. row.Split('│', StringSplitOptions.TrimEntries).Where(c => c.Length > 0)];
}
