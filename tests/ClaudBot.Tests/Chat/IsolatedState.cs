using System.Globalization;
using ClaudBot.Testing;

namespace ClaudBot.Tests.Chat;

/// <summary>
/// Settings that keep one test's claudbot to itself: embedded Redis on its own free port, and its data,
/// results, logs, audit log and bar cache in a fresh temp folder (its home). Runs of <c>claudbot</c> given the same
/// state share one node and its jobs, as commands typed one after another on one box do. The background
/// node it starts is killed when the test ends.
/// </summary>
internal sealed class IsolatedState : IDisposable
{
    private readonly TempDirectory _folder = new("claudbot-chat-");
    private readonly Dictionary<string, string> _variables;

    public IsolatedState(IReadOnlyDictionary<string, string>? settings = null)
    {
        _variables = new Dictionary<string, string>
        {
            ["CLAUDBOT_HOME"] = Home,
            ["CLAUDBOT_Dashboard__Url"] = "http://127.0.0.1:" + TestPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["CLAUDBOT_Redis__EmbeddedPort"] = TestPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["CLAUDBOT_Redis__EmbeddedDirectory"] = _folder.Combine("redis"),
            ["CLAUDBOT_Cluster__ResultsDirectory"] = ResultsDirectory,
            ["CLAUDBOT_Cluster__LogDirectory"] = _folder.Combine("logs"),
            ["CLAUDBOT_Bot__AuditLog"] = _folder.Combine("audit.jsonl"),
            ["CLAUDBOT_MarketData__CacheDirectory"] = _folder.Combine("cache"),
        };
        foreach (var (key, value) in QuickRun.NodeSettings().Concat(settings ?? new Dictionary<string, string>()))
        {
            _variables["CLAUDBOT_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    /// <summary>Environment variables (<c>CLAUDBOT_…</c>) to start claudbot with.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    public string Folder => _folder.Path;

    /// <summary>The test's home (<c>CLAUDBOT_HOME</c>): pid files, settings, charts, chat history.</summary>
    public string Home => _folder.Combine("home");

    public string ResultsDirectory => _folder.Combine("results");

    /// <summary>The chart a job summary saves in the home's data folder.</summary>
    public string ChartPath(string jobId) => Path.Combine(Home, "data", "charts", $"job_{jobId}_equity.png");

    /// <summary>One worker slot, one backtest per chunk, each slowed by <paramref name="perTask"/>: a job lasts about tasks x perTask.</summary>
    public static IReadOnlyDictionary<string, string> SlowJobs(TimeSpan perTask) => new Dictionary<string, string>
    {
        ["Cluster:ThrottlePerTask"] = perTask.ToString("c", CultureInfo.InvariantCulture),
        ["Cluster:ChunkSize"] = "1",
        ["Cluster:WorkerSlots"] = "1",
    };

    public void Dispose()
    {
        NodeDaemons.KillAll(Home);
        _folder.Dispose();
    }
}
