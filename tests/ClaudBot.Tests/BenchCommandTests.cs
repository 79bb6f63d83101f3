using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

/// <summary>Only the shape of the bench output: its timings depend on the machine.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task BenchEngine_PrintsARowPerStrategy()
    {
        var run = await Cli.RunAsync(outWidth: 200, "bench", "engine", "--bars", "500", "--seconds", "0.05");

        Assert.Equal(0, run.ExitCode);
        var firstColumn = Table.FirstColumn(run.OutLines);
        Assert.Equal(["rsi", "macd", "momentum", "sma_cross", "bollinger", "buy_hold"], firstColumn.Take(6));
        Assert.Equal(string.Empty, run.Raw);
    }

    [Fact]
    public async Task BenchImport_ImportsEveryGeneratedWeekdayAndPrintsTimeAndMemory()
    {
        var run = await Cli.RunAsync(outWidth: 300, "bench", "import", "--symbols", "3", "--years", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.OutLines.Count);

        // 2025 has 261 weekdays.
        Assert.StartsWith("Imported 3 symbols x 1 year: 783 rows, ", run.OutLines[0], StringComparison.Ordinal);
        Assert.Matches(@"^Memory: working set [0-9.]+ MiB before, peak [0-9.]+ MiB; GC heap peak [0-9.]+ MiB; largest file 0\.0 MiB$", run.OutLines[1]);
        Assert.Empty(run.ErrorLines);
    }
}
