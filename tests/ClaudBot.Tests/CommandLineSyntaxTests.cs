using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

/// <summary>
/// Mistakes caught by the command-line parser itself (a missing argument, a value of the wrong type)
/// are bad input like any other: exit code 2, one "Error: ..." line on the error console, nothing on stdout.
/// </summary>
public sealed class CommandLineSyntaxTests
{
    public static TheoryData<string[], string> Cases() => new()
    {
        { ["backtest", "rsi", "TCS"], "<from>" },
        { ["backtest", "rsi", "TCS", "2022-01-01", "2022-12-31", "--cost-bps", "abc"], "'abc'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ParserError_ExitsTwoWithOneErrorLineAndNothingOnStdout(string[] args, string mentioned)
    {
        var run = await Cli.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
        Assert.Contains(mentioned, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Raw);
    }
}
