using System.Text.RegularExpressions;

namespace ClaudBot.Tests.Chat;

/// <summary><c>claudbot doctor</c> run as a user runs it, against a home of its own: before and after the node starts.</summary>
[Trait("Category", "RealServer")]
public sealed partial class DoctorCommandTests
{
    [Fact]
    public async Task Doctor_OnAFreshHome_ShowsPathsInTheHome_ReportsTheNodeDown_AndExitsOne()
    {
        using var state = new IsolatedState();

        var doctor = await OneShot.RunAsync(state, "doctor");

        Assert.True(doctor.ExitCode == 1, doctor.ToString());
        var where = Where(doctor.Stdout);
        Assert.Equal(Path.Combine(state.Home, "config"), Strip(where["config"]));
        Assert.Equal(Path.Combine(state.Home, "data"), Strip(where["data"]));
        Assert.Equal(Path.Combine(state.Home, "state"), Strip(where["state"]));
        Assert.Equal(Path.Combine(state.Home, "config", "settings.json") + " (not there yet)", where["settings"]);
        Assert.Equal(Path.Combine(state.Home, "state", "chat_history") + " (not there yet)", where["chat history"]);
        Assert.All(where.Where(e => e.Key != "market data"), e => Assert.StartsWith(state.Folder + Path.DirectorySeparatorChar, e.Value, StringComparison.Ordinal));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data"), where["market data"]);

        var checks = Checks(doctor.Stdout);
        Assert.Equal(["program", "node program", "target", "node", "dashboard", "market data", "disk"], checks.Keys);
        Assert.Equal(("fail", "down: no node process is running; start it with 'claudbot start'"), checks["node"]);
        Assert.Equal("fail", checks["dashboard"].Status);
        Assert.StartsWith(state.Variables["CLAUDBOT_Dashboard__Url"] + "/healthz does not answer", checks["dashboard"].Detail, StringComparison.Ordinal);
        Assert.Equal(("ok", $"claudbot-node {Version(checks["program"].Detail)} in {Path.Combine(AppContext.BaseDirectory, "node")}"), checks["node program"]);
        Assert.Equal(("ok", "local: the node service on this machine"), checks["target"]);
        Assert.Equal(("ok", $"49 symbols, last day 2026-01-23, in {Path.Combine(AppContext.BaseDirectory, "data")}"), checks["market data"]);
        Assert.EndsWith("2 check(s) failed.", doctor.Stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WithAutoStartOn_OnlyLooks_TheNodeStaysDown()
    {
        using var state = new IsolatedState(new Dictionary<string, string> { ["Target:AutoStart"] = "true" });

        var doctor = await OneShot.RunAsync(state, "doctor");

        Assert.True(doctor.ExitCode == 1, doctor.ToString());
        Assert.Equal("fail", Checks(doctor.Stdout)["node"].Status);
        Assert.False(Directory.Exists(Path.Combine(state.Home, "state", "run")) && Directory.EnumerateFiles(Path.Combine(state.Home, "state", "run")).Any());
    }

    [Fact]
    public async Task Doctor_AfterStart_ReportsTheNodeUpWithItsPids_AndTheDashboardHealthy_AndExitsZero()
    {
        using var state = new IsolatedState();
        var start = await OneShot.RunAsync(state, "start");
        Assert.True(start.ExitCode == 0, start.ToString());
        string pids = Regex.Match(start.Flat, @"\((?<pids>driver PID \d+, worker-1 PID \d+)\)").Groups["pids"].Value;
        Assert.NotEqual(string.Empty, pids);

        var doctor = await OneShot.RunAsync(state, "doctor");

        Assert.True(doctor.ExitCode == 0, doctor.ToString());
        var checks = Checks(doctor.Stdout);
        Assert.Equal(("ok", $"up: {pids}; 1 worker(s) reporting"), checks["node"]);
        Assert.Equal(("ok", state.Variables["CLAUDBOT_Dashboard__Url"] + "/healthz answered 200"), checks["dashboard"]);
        Assert.DoesNotContain(checks.Values, c => c.Status == "fail");
        Assert.Equal(Path.Combine(state.Home, "state", "run"), Where(doctor.Stdout)["pid files"]);
    }

    private static string Strip(string path) => path.Replace(" (not there yet)", string.Empty, StringComparison.Ordinal);

    private static string Version(string programDetail) => VersionPattern().Match(programDetail).Groups["version"].Value;

    // "  name<2+ spaces>path" lines between "Where" and the blank line.
    private static Dictionary<string, string> Where(string stdout) =>
        Section(stdout, "Where").Select(l => EntryPattern().Match(l)).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["rest"].Value);

    private static Dictionary<string, (string Status, string Detail)> Checks(string stdout) =>
        Section(stdout, "Checks").Select(l => CheckPattern().Match(l)).ToDictionary(m => m.Groups["name"].Value, m => (m.Groups["status"].Value, m.Groups["detail"].Value));

    private static IEnumerable<string> Section(string stdout, string heading) =>
        stdout.Split('\n').SkipWhile(l => l != heading).Skip(1).TakeWhile(l => l.Length > 0);

    [GeneratedRegex(@"^  (?<name>\S+(?: \S+)*) {2,}(?<rest>.+)$")]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"^  (?<name>\S+(?: \S+)*) {2,}(?<status>ok|warn|skip|fail) +(?<detail>.+)$")]
    private static partial Regex CheckPattern();

    [GeneratedRegex(@"^claudbot (?<version>\S+) ")]
    private static partial Regex VersionPattern();
}
