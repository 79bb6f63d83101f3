using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaudBot.Tests.Chat;

/// <summary>
/// The local cluster as a service: started by one command, seen and used by others, killed with -9 and
/// brought back with nothing lost, stopped; and a whole run that writes nothing beside the program.
/// </summary>
[Trait("Category", "RealServer")]
public sealed partial class NodeServiceTests
{
    [Fact]
    public async Task Start_ReturnsOnceUp_WithPidsAndDashboard_OtherProcessesSeeIt_SecondStartSaysAlreadyRunning()
    {
        using var state = new IsolatedState();

        var start = await OneShot.RunAsync(state, "start");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Matches(@"^Cluster started on this machine \(driver PID \d+, worker-1 PID \d+\)", start.Flat);
        Assert.Contains("Dashboard: " + state.Variables["CLAUDBOT_Dashboard__Url"], start.Flat, StringComparison.Ordinal);
        var pids = Pids(start.Flat);
        Assert.All(pids, pid => Assert.False(Process.GetProcessById(pid).HasExited));

        // The command that started it has ended; the node goes on and another process sees it up.
        var monitor = await OneShot.RunAsync(state, "monitor");
        Assert.True(monitor.ExitCode == 0, monitor.ToString());
        Assert.EndsWith(": UP", monitor.Stdout.Split('\n')[0], StringComparison.Ordinal);
        Assert.Matches(@"Workers: 1 \(4 slots", monitor.Stdout);

        var again = await OneShot.RunAsync(state, "say", "start cluster");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.StartsWith($"The cluster is already running on this machine (driver PID {pids[0]}, worker-1 PID {pids[1]})", again.Flat, StringComparison.Ordinal);

        // A job submitted by one process is the same job for another process's chat and for the dashboard.
        var submit = await OneShot.RunAsync(state, "submit", "rsi", "TCS", "2022-01-01", "2022-12-31", "--no-wait");
        Assert.True(submit.ExitCode == 0, submit.ToString());
        string id = Regex.Match(submit.Stdout, "(?m)^Job (?<id>[a-z0-9]+) queued:").Groups["id"].Value;
        var jobs = await OneShot.RunAsync(state, "say", "list jobs");
        Assert.Contains(id, jobs.Stdout, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(state.Variables["CLAUDBOT_Dashboard__Url"]) };
        Assert.Contains($"\"id\":\"{id}\"", await http.GetStringAsync("/api/jobs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_WhenNoneRuns_StartsTheNodeAndSaysSo_ThenStopStopsIt()
    {
        using var state = new IsolatedState();

        var backtest = await OneShot.RunAsync(state, "say", "backtest rsi on TCS 2022-2023");

        Assert.True(backtest.ExitCode == 0, backtest.ToString());
        Assert.StartsWith("Cluster started on this machine", backtest.Flat, StringComparison.Ordinal);
        Assert.Matches(@"Job [a-z0-9]+ completed in ", backtest.Flat);

        var stop = await OneShot.RunAsync(state, "stop");
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Contains("Cluster stopped (Stopped worker (PID: ", stop.Flat, StringComparison.Ordinal);
        Assert.All(Pids(backtest.Flat), pid => Assert.True(Exited(pid)));

        var monitor = await OneShot.RunAsync(state, "monitor");
        Assert.True(monitor.ExitCode == 3, monitor.ToString());
    }

    [Fact]
    public async Task KillNine_IsReportedDown_ThenStartBringsItBack_AndTheJobCompletesWithNothingLost()
    {
        // 12 backtests of 0.5 s on one slot: the job lasts about 6 s, long enough to kill the node in the middle.
        using var state = new IsolatedState(IsolatedState.SlowJobs(TimeSpan.FromMilliseconds(500)));
        var start = await OneShot.RunAsync(state, "start");
        Assert.True(start.ExitCode == 0, start.ToString());
        var submit = await OneShot.RunAsync(state, "submit", "rsi,macd,momentum", "TCS,INFY,WIPRO,ITC", "2022-01-01", "2022-12-31", "--no-wait");
        Assert.True(submit.ExitCode == 0, submit.ToString());
        string id = Regex.Match(submit.Stdout, "(?m)^Job (?<id>[a-z0-9]+) queued: 12 backtests").Groups["id"].Value;
        Assert.NotEqual(string.Empty, id);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        foreach (int pid in Pids(start.Flat))
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            await process.WaitForExitAsync();
        }

        var down = await OneShot.RunAsync(state, "monitor");
        Assert.True(down.ExitCode == 3, down.ToString());
        Assert.EndsWith(": DOWN", down.Stdout.Split('\n')[0], StringComparison.Ordinal);

        var restart = await OneShot.RunAsync(state, "start");
        Assert.True(restart.ExitCode == 0, restart.ToString());
        Assert.StartsWith("Cluster started on this machine", restart.Flat, StringComparison.Ordinal);

        var results = await OneShot.RunAsync(state, "say", $"status of job {id}");
        var until = Stopwatch.StartNew();
        while (!results.Flat.Contains("Finished.", StringComparison.Ordinal) && until.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(500);
            results = await OneShot.RunAsync(state, "say", $"status of job {id}");
        }

        Assert.Contains($"{id} completed 100% 12/12 backtests", results.Flat, StringComparison.Ordinal);
        Assert.DoesNotContain("failed", results.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFullRun_WithTheHomeElsewhere_WritesNothingBesideTheProgram()
    {
        using var state = new IsolatedState();
        var before = Snapshot(AppContext.BaseDirectory);

        var backtest = await OneShot.RunAsync(state, "say", "backtest rsi,macd on TCS,INFY 2022-2023");
        var monitor = await OneShot.RunAsync(state, "monitor");
        var stop = await OneShot.RunAsync(state, "stop");

        Assert.True(backtest.ExitCode == 0, backtest.ToString());
        Assert.True(monitor.ExitCode == 0, monitor.ToString());
        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Equal(before, Snapshot(AppContext.BaseDirectory));
        Assert.True(Directory.EnumerateFiles(Path.Combine(state.Home, "data", "charts")).Any());
        Assert.True(File.Exists(Path.Combine(state.Folder, "logs", "cluster_driver.log")));
    }

    private static List<int> Pids(string text) =>
        PidPattern().Matches(text).Select(m => int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture)).ToList();

    private static bool Exited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || !File.ReadAllText($"/proc/{pid}/cmdline").Contains("claudbot-node", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    // Every file beside the program with its size and time; the test's own files (TestResults, logs of other tests) are not written there either.
    private static SortedSet<string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}"), StringComparer.Ordinal);

    [GeneratedRegex(@"PID (?<pid>\d+)")]
    private static partial Regex PidPattern();
}
