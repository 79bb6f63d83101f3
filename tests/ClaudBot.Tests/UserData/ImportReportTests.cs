using ClaudBot.MarketData.Import;
using ClaudBot.UserData;
using Spectre.Console.Testing;

namespace ClaudBot.Tests.UserData;

public sealed class ImportReportTests
{
    [Fact]
    public void Write_SevenSkippedRows_ShowsFiveThenCountsTheRest()
    {
        var report = new ImportReport { FileCount = 2 };
        report.Merged(new MergeOutcome("TCS", 3, 1, 0, new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 6)));
        report.Merged(new MergeOutcome("INFY", 1, 0, 2, new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 3)));
        report.Skipped(Enumerable.Range(2, 7).Select(line => new SkippedRow("TCS.csv", line, "'Close' is not a number: \"-\"")));

        var (output, error) = Write(report);

        Assert.Equal(
            [
                "Imported 2 of 2 files: 2 symbols, 4 rows added, 1 identical, 2 replaced.",
                "  INFY: 1 added, 0 identical, 2 replaced; 2020-01-02 to 2020-01-03",
                "  TCS: 3 added, 1 identical, 0 replaced; 2020-01-01 to 2020-01-06",
            ],
            output);
        Assert.Equal(
            [
                "Note: skipped 7 rows:",
                "  TCS.csv line 2: 'Close' is not a number: \"-\"",
                "  TCS.csv line 3: 'Close' is not a number: \"-\"",
                "  TCS.csv line 4: 'Close' is not a number: \"-\"",
                "  TCS.csv line 5: 'Close' is not a number: \"-\"",
                "  TCS.csv line 6: 'Close' is not a number: \"-\"",
                "  and 2 more",
            ],
            error);
    }

    [Fact]
    public void Write_AFailedFile_CountsItOutAndPrintsItsErrorLine()
    {
        var report = new ImportReport { FileCount = 1 };
        report.Failed("x.csv: no such file");

        var (output, error) = Write(report);

        Assert.True(report.HasFailures);
        Assert.Equal(["Imported 0 of 1 file: 0 symbols, 0 rows added, 0 identical, 0 replaced."], output);
        Assert.Equal(["Error: x.csv: no such file"], error);
    }

    private static (string[] Out, string[] Error) Write(ImportReport report)
    {
        using var output = new TestConsole().Width(200);
        using var error = new TestConsole().Width(200);
        report.Write(new CliConsoles(output, error, TextWriter.Null));
        return (Lines(output.Output), Lines(error.Output));
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
