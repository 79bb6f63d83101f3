using ClaudBot.Tests.Support;

namespace ClaudBot.Tests;

/// <summary>Each user mistake: exit code 2, one "Error: ..." line saying what to do, nothing on stdout.</summary>
public sealed class BadInputTests
{
    private const string SymbolRule =
        "a symbol is 1 to 20 letters, digits, '&', '-' or '.', starting with a letter or digit (e.g. RELIANCE, M&M, BAJAJ-AUTO).";

    public static TheoryData<string[], string> Cases() => new()
    {
        {
            ["backtest", "rsx", "TCS", "2022-01-01", "2022-12-31"],
            "Error: Unknown strategy 'rsx'. Did you mean rsi? Known strategies: rsi, macd, momentum, sma_cross, bollinger, buy_hold."
        },
        {
            ["backtest", "rsi", "RELIANC", "2022-01-01", "2022-12-31"],
            "Error: Unknown symbol \"RELIANC\": did you mean RELIANCE?"
        },
        {
            ["backtest", "rsi", "../../etc/passwd", "2022-01-01", "2022-12-31"],
            $"Error: \"../../etc/passwd\" is not a valid symbol: {SymbolRule}"
        },
        {
            // Symbols split on commas and spaces, so the first piece is the one reported.
            ["backtest", "rsi", "TCS;rm -rf /", "2022-01-01", "2022-12-31"],
            $"Error: \"TCS;rm\" is not a valid symbol: {SymbolRule}"
        },
        {
            ["backtest", "rsi", "$(id)", "2022-01-01", "2022-12-31"],
            $"Error: \"$(id)\" is not a valid symbol: {SymbolRule}"
        },
        {
            ["backtest", "rsi", "TCS", "2020-13-01", "2022-12-31"],
            "Error: '2020-13-01' is not a valid from date: use YYYY-MM-DD, e.g. 2020-01-31."
        },
        {
            ["backtest", "rsi", "TCS", "2022-12-31", "2022-01-01"],
            "Error: The range 2022-12-31 to 2022-01-01 is inverted: 'from' must not be after 'to'."
        },
        {
            ["backtest", "rsi", "TCS", "2010-01-01", "2010-12-31"],
            "Error: TCS has bars from 2021-01-27 to 2026-01-23; nothing falls in 2010-01-01 to 2010-12-31."
        },
        {
            ["backtest", "rsi", "TCS", "2022-01-01", "2022-12-31", "--cost-bps", "-1"],
            "Error: Cost must be at least 0 and below 10000 basis points per side."
        },
        {
            ["bench", "engine", "--bars", "1"],
            "Error: --bars must be 2..10,000,000 and --seconds 0..600."
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_ExitsTwoWithOneErrorLineAndNoOutput(string[] args, string error)
    {
        var run = await Cli.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([error], run.ErrorLines);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(string.Empty, run.Raw);
    }
}
