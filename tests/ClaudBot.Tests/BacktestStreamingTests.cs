using ClaudBot.Hosting;
using Spectre.Console.Testing;

namespace ClaudBot.Tests;

/// <summary>
/// <c>backtest --json</c> writes each result as it is run and keeps none, so the largest grid runs in the memory of one
/// result (99,960 results with equity curves peaked at 2.7 GB when the report was held whole; 66 MB streamed).
/// Seen from outside: output starts before the grid is done, and an interrupt stops the grid where it is.
/// </summary>
public sealed class BacktestStreamingTests
{
    // 2,040 parameter sets x 2 symbols: about 8 MB of JSON, more than a hundred of the writer's 64 KB pieces.
    private static readonly string[] LargeGrid = ["backtest", "rsi(period=2..52, lower=5..44)", "TCS,INFY", "2021-01-01", "2025-12-31", "--json"];

    [Fact]
    public async Task Json_InterruptedAtItsFirstPiece_StopsTheGridInsteadOfFinishingIt()
    {
        using var interrupt = new CancellationTokenSource();
        using var raw = new InterruptingWriter(interrupt);
        using var output = new TestConsole();
        using var error = new TestConsole().Width(1_000);

        int exitCode = await ClaudBotCli.RunAsync(LargeGrid, new CliConsoles(output, error, raw), interrupt.Token);

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.Equal(1, raw.Writes);
        Assert.InRange(raw.Length, 64 * 1024, 2 * 64 * 1024);
    }

    [Fact]
    public async Task Json_OfTheLargeGrid_HoldsEveryResultInRequestOrder()
    {
        using var raw = new StringWriter();
        using var output = new TestConsole();
        using var error = new TestConsole().Width(1_000);

        int exitCode = await ClaudBotCli.RunAsync(LargeGrid, new CliConsoles(output, error, raw), CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        using var json = System.Text.Json.JsonDocument.Parse(raw.ToString());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4_080, results.Count);
        Assert.Equal(
            ["TCS", "INFY", "TCS", "INFY"],
            results.Take(2).Concat(results.TakeLast(2)).Select(r => r.GetProperty("symbol").GetString()));
        Assert.Equal(52, results[^1].GetProperty("params").GetProperty("period").GetInt32());
        Assert.Equal(44, results[^1].GetProperty("params").GetProperty("lower").GetInt32());
    }

    /// <summary>Stands for a user pressing Ctrl+C as the first output appears.</summary>
    private sealed class InterruptingWriter(CancellationTokenSource interrupt) : StringWriter
    {
        public int Writes { get; private set; }

        public int Length => GetStringBuilder().Length;

        public override void Write(string? value)
        {
            base.Write(value);
            Writes++;
            interrupt.Cancel();
        }
    }
}
