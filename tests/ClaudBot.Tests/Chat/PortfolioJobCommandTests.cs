namespace ClaudBot.Tests.Chat;

/// <summary>
/// <c>claudbot portfolio</c> with a grid or several position counts, on the local target, as a child process: a portfolio
/// job on the cluster with every option the command was given, followed to its summary as the chat's.
/// </summary>
public sealed class PortfolioJobCommandTests
{
    [Trait("Category", "RealServer")]
    [Fact]
    public async Task AGridAndSeveralCounts_RunAsAPortfolioJob_WithTheCommandsRankAndSize_FollowedToItsSummary()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "portfolio", "rsi(period=7|14)", "TCS,INFY,SBIN,ITC", "2022-01-01", "2024-12-31", "--max-positions", "1,3", "--rank", "momentum(21)", "--size", "pct:30", "--costs", "zerodha-delivery");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("queued: 4 portfolio backtests", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("each setting as one portfolio with at most 1 or 3 positions, sized by pct:30, ranked by momentum(21)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("costs zerodha-delivery", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Best per positions count", run.Stdout, StringComparison.Ordinal);
        Assert.Matches("The best setting in full: rsi\\(period=(7|14)[^)]*\\) with at most (1 position|3 positions)\\.", run.Stdout);
        Assert.Contains("Portfolio vs equal-weight buy and hold", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChartAskedOfAJob_IsOneErrorLine_AndExitCode2_BeforeAnythingStarts()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "portfolio", "rsi", "TCS,INFY", "2022-01-01", "2024-12-31", "--max-positions", "1,2", "--chart", "x.png");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("Error: --chart draws one portfolio; a portfolio job's summary saves its best setting's chart and says where.", run.Stderr.Trim());
        Assert.Empty(run.Stdout.Trim());
    }
}
