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
}
