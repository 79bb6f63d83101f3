using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

public sealed class ListingTests
{
    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var run = await Cli.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        string[] commands = [.. run.Raw.ReplaceLineEndings("\n").Split('\n')
            .SkipWhile(line => line != "Commands:").Skip(1)
            .TakeWhile(line => line.Length > 0)
            .Select(line => line.Trim().Split(' ')[0])];
        Assert.Equal(["backtest", "portfolio", "strategies", "symbols", "data", "costs", "bench", "intent", "chat", "say", "telegram", "setup", "doctor", "start", "stop", "monitor", "submit", "walkforward"], commands);
    }

    [Fact]
    public async Task Strategies_ListsAllSixInCatalogOrder()
    {
        var run = await Cli.RunAsync(outWidth: 200, "strategies");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["rsi", "macd", "momentum", "sma_cross", "bollinger", "buy_hold"], Table.FirstColumn(run.OutLines));
        Assert.Contains("period=14 (2..1000): RSI lookback in bars", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symbols_ListsThe49BundledSymbolsSorted()
    {
        string[] files = [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "data"), "*.csv")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Where(name => name != "aliases")
            .Order(StringComparer.Ordinal)];

        var run = await Cli.RunAsync(outWidth: 2_000, "symbols");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(49, files.Length);
        Assert.Equal([$"49 symbols: {string.Join(", ", files)}"], run.OutLines);
        Assert.StartsWith("49 symbols: ADANIENT, ADANIPORTS, ", run.Out, StringComparison.Ordinal);
    }
}
