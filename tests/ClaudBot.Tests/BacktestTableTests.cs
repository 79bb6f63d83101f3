using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

public sealed class BacktestTableTests
{
    /// <summary>The request behind Expected/backtest_table.txt; every figure in that file was checked against this request's JSON.</summary>
    private static readonly string[] TableRequest = ["backtest", "rsi(period=10),buy_hold", "TCS,INFY", "2022-01-01", "2022-12-31"];

    // 110 columns: the fees column made the table about 107 wide; narrower, Spectre wraps the strategy text.
    [Fact]
    public async Task Table_At110Columns_EqualsTheExpectedFile()
    {
        var run = await Cli.RunAsync(outWidth: 110, TableRequest);

        Assert.Equal(0, run.ExitCode);
        ClaudBot.Testing.ExpectedFile.Assert("backtest_table", TrimLineEnds(run.Out));
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(string.Empty, run.Raw);
    }

    [Fact]
    public async Task Table_ForAClippedRange_CaptionsTheRangeRunAndNotesTheClipOnError()
    {
        var run = await Cli.RunAsync(outWidth: 200, "backtest", "buy_hold", "TCS", "2020-06-01", "2021-06-30");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2021-01-27 to 2021-06-30, 105 bars", run.Out, StringComparison.Ordinal);
        Assert.Equal(
            ["Note: TCS: data covers 2021-01-27 to 2026-01-23, so ran 2021-01-27 to 2021-06-30 (asked 2020-06-01 to 2021-06-30)."],
            run.ErrorLines);
        Assert.Equal(string.Empty, run.Raw);
    }

    // Spectre pads the title and caption to the table's width; the expected file is kept without trailing blanks.
    private static string TrimLineEnds(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd(' ')));
}
