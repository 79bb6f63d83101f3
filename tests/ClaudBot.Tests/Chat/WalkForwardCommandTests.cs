namespace ClaudBot.Tests.Chat;

/// <summary><c>claudbot walkforward</c> on the local target, as a child process: the chat's phrase, followed to its report.</summary>
public sealed class WalkForwardCommandTests
{
    [Trait("Category", "RealServer")]
    [Fact]
    public async Task WalkForward_FollowsTheJobToItsReport_WithAWindowRowEach()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "walkforward", "rsi(period=7|14)", "TCS", "2021-01-01", "2024-12-31", "--in", "2y", "--out", "6m", "--objective", "total_return", "--min-trades", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("walk-forward 2 years in, 6 months out every 6 months, rolling, picked by total_return with at least 1 trade (4 windows)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("TCS: each window's pick", run.Stdout, StringComparison.Ordinal);
        foreach (string outOfSample in (string[])["2023-01-02 to 2023-06-30", "2023-07-03 to 2023-12-29", "2024-01-01 to 2024-06-28", "2024-07-01 to 2024-12-31"])
        {
            Assert.Contains(outOfSample, run.Stdout, StringComparison.Ordinal);
        }

        Assert.Matches("(?m)^TCS: out-of-sample CAGR -?[0-9.]+% (beat|trailed) buy and hold's", run.Stdout);
        Assert.Matches(@"job_[a-z0-9]+_walkforward\.png", run.Stdout);
    }

    [Theory]
    [InlineData("2 fortnights", "6m", "The in-sample length '2 fortnights' is not a length")]
    [InlineData("2y", "", "A walk-forward needs its out-of-sample length")]
    public async Task ABadLength_IsOneErrorLine_AndExitCode2_BeforeAnythingStarts(string inSample, string outOfSample, string error)
    {
        using var state = new IsolatedState();
        string[] lengths = outOfSample.Length == 0 ? ["--in", inSample] : ["--in", inSample, "--out", outOfSample];

        var run = await OneShot.RunAsync(state, ["walkforward", "rsi", "TCS", "2021-01-01", "2024-12-31", .. lengths]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("Error: " + error, run.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.Empty(run.Stdout.Trim());
    }
}
