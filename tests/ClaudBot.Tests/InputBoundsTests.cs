using ClaudBot.Commands;
using ClaudBot.Tests.Support;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Testing;

namespace ClaudBot.Tests;

/// <summary>Huge or hostile arguments: refused in one short line, never echoed whole or raw.</summary>
public sealed class InputBoundsTests
{
    [Fact]
    public async Task A100KbStrategyArgument_IsQuotedAsAShortExcerptOnOneLine()
    {
        string huge = string.Concat(Enumerable.Repeat("zzzzzzzzz\n", 10_000));

        var run = await Cli.RunAsync("backtest", huge, "TCS", "2022-01-01", "2022-12-31");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [@"Error: Unknown strategy 'zzzzzzzzz\nzzzzzzzzz\nzzzzzzzzz\nzzzzzzzzz\n…'. Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold."],
            run.ErrorLines);
    }

    [Fact]
    public async Task A100KbDateArgument_IsQuotedAsAShortExcerptOnOneLine()
    {
        string huge = string.Concat(Enumerable.Repeat("2020-01-01\n", 10_000));

        var run = await Cli.RunAsync("backtest", "rsi", "TCS", huge, "2022-12-31");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([@"Error: '2020-01-01\n2020-01-01\n2020-01-01\n2020-01…' is not a valid from date: use YYYY-MM-DD, e.g. 2020-01-31."], run.ErrorLines);
    }

    [Fact]
    public async Task AnExtra100KbArgument_IsQuotedAsAnExcerptInTheParseError()
    {
        string huge = new('q', 100_000);

        var run = await Cli.RunAsync("backtest", "rsi", "TCS", "2022-01-01", "2022-12-31", huge);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.Contains(new string('q', 40) + "…", line, StringComparison.Ordinal);
        Assert.True(line.Length < 300, $"the line is {line.Length} characters");
    }

    [Fact]
    public async Task ControlCharactersInAStrategyName_ReachTheTerminalEscaped()
    {
        var run = await Cli.RunAsync("backtest", "rsi\u001b[2J\u0007", "TCS", "2022-01-01", "2022-12-31");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([@"Error: Unknown strategy 'rsi\u001b[2J\u0007'. Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold."], run.ErrorLines);
        Assert.DoesNotContain('\u001b', run.Error);
    }

    [Fact]
    public async Task TenThousandSymbols_AreRefusedByTheClustersTaskCapBeforeAnyWork()
    {
        string symbols = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"S{i}"));

        var run = await Cli.RunAsync("backtest", "rsi(period=2..92, lower=10..20)", symbols, "2022-01-01", "2022-12-31");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["Error: The request has 10,010,000 backtests (1,001 parameter sets x 10,000 symbols); the limit is 10,000,000 (Cluster:MaxTasks)."], run.ErrorLines);
    }

    [Fact]
    public async Task AnUnexpectedFailure_IsOneLine_NotAStackTrace()
    {
        using var error = new TestConsole().Width(Cli.ErrorWidth);
        using var output = new TestConsole();
        using var raw = new StringWriter();

        int code = await CommandRunner.RunAsync(
            new CliConsoles(output, error, raw),
            () => Host.CreateEmptyApplicationBuilder(null).Build(),
            (_, _) => throw new ArgumentException("'.NaN' is an invalid JSON literal.\n   at System.Text.Json..."),
            CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Equal("Error: '.NaN' is an invalid JSON literal. (unexpected ArgumentException; please report it)\n", error.Output.ReplaceLineEndings("\n"));
    }
}
