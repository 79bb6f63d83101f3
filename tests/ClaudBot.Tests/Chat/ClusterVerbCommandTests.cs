namespace ClaudBot.Tests.Chat;

/// <summary>The guide's verbs (<c>submit</c>, <c>monitor</c>) on the local target, as child processes.</summary>
public sealed class ClusterVerbCommandTests
{
    [Trait("Category", "RealServer")]
    [Fact]
    public async Task Submit_NoWait_ExitsZeroOnceQueued()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "submit", "rsi", "TCS", "2021-01-01", "2021-12-31", "--no-wait");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("(?m)^Job [a-z0-9]+ queued: 1 backtest ", run.Stdout);
        Assert.DoesNotContain("completed", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_ClusterNotRunning_ExitsThreeAndSaysDown()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "monitor");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.EndsWith(": DOWN", run.Stdout.Split('\n')[0], StringComparison.Ordinal);
    }
}
