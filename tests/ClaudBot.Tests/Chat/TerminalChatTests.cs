using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ClaudBot.Tests.Chat;

/// <summary>
/// <c>claudbot chat</c> as a person uses it: a real terminal (tmux), keys typed, the screen read back.
/// Each test has its own home folder (CLAUDBOT_HOME), Redis port and dashboard port, so its node, chat
/// history and charts are its own.
/// </summary>
[Trait("Category", "RealServer")]
public sealed partial class TerminalChatTests(ITestOutputHelper output)
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Backtest_FollowsTheJobToRankedTablesAndASavedChart_ThenPromptsAgain()
    {
        using var state = new IsolatedState();
        await using var chat = await ChatTerminal.StartAsync(state);
        await chat.WaitForPromptAsync();
        Assert.StartsWith("Cluster started on this machine", (await chat.SayAsync("start cluster"))[0], StringComparison.Ordinal);

        // SayAsync returns once the prompt is back below the summary: the chat goes on after a job.
        var reply = await chat.SayAsync("backtest rsi,macd on TCS,INFY from 2021-01-01 to 2023-12-31", JobTimeout);

        string id = JobId(reply);
        Assert.StartsWith($"Job {id} queued: 4 backtests (", reply[0], StringComparison.Ordinal);
        Assert.Contains(reply, line => line.StartsWith($"Job {id} completed in ", StringComparison.Ordinal));

        var top = ScreenTable.Find(reply, "Top 4 by Sharpe");
        Assert.StartsWith("╭", top.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("╰", top.Lines[^1], StringComparison.Ordinal);
        Assert.Equal(["INFY", "INFY", "TCS", "TCS"], top.Rows.Select(r => top.Cell(r, "Symbol")).Order());
        Assert.Equal(["macd", "macd", "rsi", "rsi"], top.Rows.Select(r => top.Cell(r, "Strategy").Split('(')[0]).Order());
        var sharpe = top.Rows.Select(r => double.Parse(top.Cell(r, "Sharpe"), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sharpe.OrderDescending(), sharpe);

        // Each symbol's best is its highest row in the ranked table, best first.
        var best = ScreenTable.Find(reply, "Best per symbol");
        Assert.Equal(
            top.Rows.DistinctBy(r => top.Cell(r, "Symbol")).Select(r => (top.Cell(r, "Symbol"), top.Cell(r, "Strategy"), top.Cell(r, "Sharpe"))),
            best.Rows.Select(r => (best.Cell(r, "Symbol"), best.Cell(r, "Strategy"), best.Cell(r, "Sharpe"))));

        string chart = state.ChartPath(id);
        Assert.Contains(reply, line => line.EndsWith(": " + chart, StringComparison.Ordinal));
        Assert.Equal(PngSignature, File.ReadAllBytes(chart)[..PngSignature.Length]);
    }

    [Fact]
    public async Task CtrlC_WhileFollowingAJob_StopsTheWatchingNotTheChatNorTheJob()
    {
        // 2 backtests of 2 s each on one slot: the job goes on for seconds after Ctrl+C (System.CommandLine,
        // left to itself, ends a process 2 s after Ctrl+C).
        const string Backtest = "backtest rsi on TCS,INFY 2021-2022";
        using var state = new IsolatedState(IsolatedState.SlowJobs(TimeSpan.FromSeconds(2)));
        await using var chat = await ChatTerminal.StartAsync(state);
        await chat.WaitForPromptAsync();
        await chat.SayAsync("start cluster");

        await chat.EnterAsync(Backtest);
        var following = await chat.Tmux.WaitForScreenAsync(s => FollowingBar().IsMatch(s.Text), ChatTerminal.DefaultTimeout, "the job's progress bar");
        string id = FollowingBar().Match(following.Text).Groups["id"].Value;
        await chat.Tmux.SendKeysAsync("C-c");

        var reply = await chat.ReplyAsync(Backtest);
        Assert.Contains($"Stopped watching job {id}; it keeps running.", reply[^1], StringComparison.Ordinal);
        Assert.Matches($@"^{id}\s+(queued|running)\s", (await chat.SayAsync($"job {id} status"))[0]);

        // The job runs on in the node; the chat, still alive after Ctrl+C, sees it complete. The results file
        // is written before the job is marked completed (the summary is stored in between), so poll the state.
        await WaitForFileAsync(Path.Combine(state.ResultsDirectory, $"job_{id}.json"), JobTimeout);
        await WaitForStatusAsync(chat, id, $@"^{id}\s+completed\s+100%\s+2/2 backtests$", JobTimeout);
        Assert.False((await chat.Tmux.PaneAsync()).Dead);
    }

    [Fact]
    public async Task StopCluster_NoCancels_ThenUpTwiceRecallsItAndYesStops()
    {
        using var state = new IsolatedState();
        await using var chat = await ChatTerminal.StartAsync(state);
        await chat.WaitForPromptAsync();
        await chat.SayAsync("start cluster");

        var question = await chat.SayAsync("stop cluster");
        Assert.EndsWith("Go ahead? (yes/no)", question[^1], StringComparison.Ordinal);
        Assert.Equal(["Cancelled; nothing was done."], await chat.SayAsync("no"));

        await chat.Tmux.SendKeysAsync("Up");
        await chat.Tmux.WaitForScreenAsync(s => s.LastLine == ChatTerminal.Prompt + "no", ChatTerminal.DefaultTimeout, "\"no\" recalled by Up");
        await chat.Tmux.SendKeysAsync("Up");
        await chat.PressEnterAsync("stop cluster");
        var again = await chat.ReplyAsync("stop cluster");
        Assert.Equal(question, again);

        Assert.StartsWith("Cluster stopped (", Assert.Single(await chat.SayAsync("yes")), StringComparison.Ordinal);
        Assert.EndsWith(": DOWN", (await chat.SayAsync("monitor cluster"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonsense_GetsTheHelpHintWithoutAStackTrace_AndExitEndsTheProgram()
    {
        using var state = new IsolatedState();
        await using var chat = await ChatTerminal.StartAsync(state);
        await chat.WaitForPromptAsync();

        var reply = await chat.SayAsync("make me a sandwich");

        Assert.StartsWith("I can run the cluster and backtests. Try:", reply[0], StringComparison.Ordinal);
        Assert.DoesNotContain(reply, line => line.StartsWith("   at ", StringComparison.Ordinal) || line.Contains("Exception", StringComparison.Ordinal));
        await chat.EnterAsync("exit");
        var ended = await chat.Tmux.WaitForExitAsync(ChatTerminal.DefaultTimeout);
        Assert.True(ended.ExitStatus is null or 0, $"exit status {ended.ExitStatus}");
    }

    [Fact]
    public async Task Start_ShowsTheBannerAndPrompt_TimeToPromptIsReported()
    {
        using var state = new IsolatedState();
        var clock = Stopwatch.StartNew();
        await using var chat = await ChatTerminal.StartAsync(state);

        var screen = await chat.WaitForPromptAsync();

        // A measurement for the report, not a bound: speed targets belong to the benchmarks.
        output.WriteLine($"claudbot chat: first prompt after {clock.Elapsed.TotalMilliseconds:0} ms (tmux start included)");
        Assert.StartsWith("ClaudBot - cluster on this machine.", screen.Lines[0], StringComparison.Ordinal);
        Assert.Equal(ChatTerminal.Prompt.TrimEnd(), screen.Lines[1]);
    }

    private static string JobId(IReadOnlyList<string> reply)
    {
        var queued = Regex.Match(string.Join('\n', reply), "^Job (?<id>[a-z0-9]+) queued:", RegexOptions.Multiline);
        Assert.True(queued.Success, $"No job queued in:\n{string.Join('\n', reply)}");
        return queued.Groups["id"].Value;
    }

    private static async Task WaitForFileAsync(string path, TimeSpan timeout)
    {
        var elapsed = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Assert.True(elapsed.Elapsed < timeout, $"{path} did not appear within {timeout.TotalSeconds:0} s");
            await Task.Delay(50);
        }
    }

    private static async Task WaitForStatusAsync(ChatTerminal chat, string id, string pattern, TimeSpan timeout)
    {
        var elapsed = Stopwatch.StartNew();
        string line = (await chat.SayAsync($"job {id} status"))[0];
        while (!Regex.IsMatch(line, pattern))
        {
            Assert.True(elapsed.Elapsed < timeout, $"job {id} status still \"{line}\" after {timeout.TotalSeconds:0} s");
            await Task.Delay(200);
            line = (await chat.SayAsync($"job {id} status"))[0];
        }
    }

    [GeneratedRegex(@"Job (?<id>[a-z0-9]+) (queued|running) 0/2")]
    private static partial Regex FollowingBar();
}
