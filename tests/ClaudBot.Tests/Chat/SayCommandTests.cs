using System.Text.RegularExpressions;
using ClaudBot.Hosting;

namespace ClaudBot.Tests.Chat;

/// <summary>
/// <c>claudbot say</c> as a script runs it: a child process with redirected output, judged by its exit
/// code (done, failed or not understood, bad input for a question, needs a yes, cancelled) and what it printed.
/// </summary>
public sealed class SayCommandTests
{
    private const int Done = ExitCodes.Success;
    private const int Failed = ExitCodes.Failed;
    private const int NeedsAnswer = ExitCodes.BadInput;
    private const int NeedsYes = ExitCodes.NeedsConfirmation;
    private const int Cancelled = ExitCodes.Cancelled;

    [Fact]
    public async Task ListStrategies_ExitsZeroAndListsRsi()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "say", "list strategies");

        Assert.True(run.ExitCode == Done, run.ToString());
        Assert.Contains(run.Stdout.Split('\n'), line => line.StartsWith("│ rsi ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nonsense_ExitsFailedWithTheHelpHint()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "say", "make me a sandwich");

        Assert.True(run.ExitCode == Failed, run.ToString());
        Assert.StartsWith("I can run the cluster and backtests. Try:", run.Flat, StringComparison.Ordinal);
        Assert.False(run.ShowsStackTrace, run.ToString());
    }

    [Fact]
    public async Task BacktestWithoutSymbols_ExitsBadInputAskingForThem()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "say", "backtest rsi");

        Assert.True(run.ExitCode == NeedsAnswer, run.ToString());
        Assert.StartsWith("On which symbols?", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopCluster_WithoutYes_ExitsNeedsConfirmationAndSaysToAddYes()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "say", "stop cluster");

        Assert.True(run.ExitCode == NeedsYes, run.ToString());
        Assert.EndsWith("Go ahead? (yes/no)", OneShot.Flatten(run.Stdout), StringComparison.Ordinal);
        Assert.Equal("Not done: this needs a yes. Run again with --yes.", run.Stderr.TrimEnd());
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task StopCluster_WithYes_ExitsZeroAndStops()
    {
        using var state = new IsolatedState();
        var start = await OneShot.RunAsync(state, "start");
        Assert.True(start.ExitCode == Done, start.ToString());

        var run = await OneShot.RunAsync(state, "say", "stop cluster", "--yes");

        Assert.True(run.ExitCode == Done, run.ToString());
        Assert.Contains("Cluster stopped (Stopped worker (PID: ", run.Flat, StringComparison.Ordinal);
        var again = await OneShot.RunAsync(state, "say", "stop cluster", "--yes");
        Assert.Contains("The cluster is not running.", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSymbol_ExitsFailedNamingItWithoutAStackTrace()
    {
        using var state = new IsolatedState();

        var run = await OneShot.RunAsync(state, "say", "backtest rsi on NOTASTOCK 2021-2022");

        Assert.True(run.ExitCode == Failed, run.ToString());
        Assert.Contains("Unknown symbol \"NOTASTOCK\"", run.Flat, StringComparison.Ordinal);
        Assert.False(run.ShowsStackTrace, run.ToString());
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task CtrlC_WhileFollowing_StopsWatchingAndExitsWith130()
    {
        // 15 s per backtest: the job cannot finish before Ctrl+C lands, even on a loaded machine (with 2 s it once
        // completed first while other test projects were building beside it). The node is killed when the test ends.
        using var state = new IsolatedState(IsolatedState.SlowJobs(TimeSpan.FromSeconds(15)));

        // A redirected say prints each progress step as a line ("Job <id> running 0/2: 0%"); Ctrl+C after the first.
        var run = await OneShot.RunAsync(state, ["say", "backtest rsi on TCS,INFY 2021-2022"], interruptAfter: line => line.Contains(" 0/2", StringComparison.Ordinal));

        Assert.True(run.ExitCode == Cancelled, run.ToString());
        Assert.Contains("Stopped watching job ", run.Flat, StringComparison.Ordinal);
        Assert.DoesNotContain("completed", run.Stdout, StringComparison.Ordinal);
    }

    [Trait("Category", "RealServer")]
    [Fact]
    public async Task Backtest_RunsToItsSummary_AndTheNextCommandListsTheJob()
    {
        using var state = new IsolatedState();
        var backtest = await OneShot.RunAsync(state, "say", "backtest momentum on WIPRO 2022-2023");

        Assert.True(backtest.ExitCode == Done, backtest.ToString());
        string id = Regex.Match(backtest.Stdout, "^Job (?<id>[a-z0-9]+) queued: 1 backtest ", RegexOptions.Multiline).Groups["id"].Value;
        Assert.True(id.Length > 0, backtest.ToString());
        Assert.Contains($"Job {id} completed in ", backtest.Flat, StringComparison.Ordinal);
        Assert.Contains("Top 1 by Sharpe", backtest.Stdout, StringComparison.Ordinal);

        // A new process on the same state folder: the job is kept between one-shot commands.
        var jobs = await OneShot.RunAsync(state, "say", "list jobs");

        Assert.True(jobs.ExitCode == Done, jobs.ToString());
        Assert.Matches($@"│ {id} +│ completed +│ +100% │ +1 │", jobs.Stdout);
    }
}
