namespace ClaudBot.Tests.Chat;

/// <summary>The guide's verbs (<c>submit</c>, <c>monitor</c>, <c>stop</c>) on the local target, as child processes.</summary>
public sealed class ClusterVerbCommandTests
{
    [Fact]
    public async Task Submit_NoWait_ExitsZeroOnceQueued()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "submit", "rsi", "TCS", "2021-01-01", "2021-12-31", "--no-wait");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("^Job [a-z0-9]+ queued: 1 backtest ", run.Stdout);
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

    [Fact]
    public async Task Stop_LocalTarget_ExitsOneAndExplainsWhereTheClusterRuns()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "stop");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("The local cluster runs inside 'claudbot chat' or 'claudbot start'", run.Stderr, StringComparison.Ordinal);
    }
}
