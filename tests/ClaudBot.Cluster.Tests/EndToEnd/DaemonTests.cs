using System.Text.Json;
using System.Text.RegularExpressions;
using ClaudBot.Cluster.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.EndToEnd;

/// <summary>The node as a daemon: start, status, a job through the CLI, stop.</summary>
[Trait("Category", "RealServer")]
public sealed partial class DaemonTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("claudbot-daemon-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task StartStatusSubmitStop_WorkAsTheGuideDescribes()
    {
        var settings = new Dictionary<string, string>
        {
            ["Redis:EmbeddedPort"] = TestPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Redis:EmbeddedDirectory"] = Path.Combine(_scratch.FullName, "redis"),
            ["Cluster:ResultsDirectory"] = Path.Combine(_scratch.FullName, "results"),
            ["MarketData:CacheDirectory"] = Path.Combine(_scratch.FullName, "cache"),

            // Logs, pid files and worker name locks in the test's folder, not the user's state folder.
            ["Cluster:LogDirectory"] = Path.Combine(_scratch.FullName, "logs"),
            ["Cluster:RunDirectory"] = Path.Combine(_scratch.FullName, "run"),
        };
        var timeout = TimeSpan.FromSeconds(60);
        try
        {
            var (startExit, started) = await NodeProcess.RunAsync(settings, timeout, "start");
            Assert.Equal(0, startExit);
            var pids = StartedLine().Matches(started).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(["driver", "worker"], pids.Select(p => p.Item1));

            // 'start' returns once the worker has registered: the status right after it lists the worker.
            var (statusExit, statusText) = await NodeProcess.RunAsync(settings, timeout, "status", "--json");
            Assert.Equal(0, statusExit);
            var status = JsonDocument.Parse(statusText[statusText.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
            Assert.Equal(["driver", "worker-1"], status.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
            Assert.All(status.GetProperty("processes").EnumerateArray(), p => Assert.True(p.GetProperty("running").GetBoolean()));
            var worker = status.GetProperty("cluster").GetProperty("workers").EnumerateArray().Single();
            Assert.Equal(4, worker.GetProperty("slots").GetInt32());
            Assert.Equal(pids[1].Item2, worker.GetProperty("pid").GetInt32());
            Assert.InRange(status.GetProperty("memory_percent").GetDouble(), 0.1, 100);

            var (submitExit, submitted) = await NodeProcess.RunAsync(settings, timeout, "submit", "rsi,macd", "TCS,INFY", "2022-01-01", "2023-12-31", "--param", "period=10", "--wait");
            Assert.Equal(0, submitExit);
            Assert.Matches(@"completed\s+100\.0%\s+4/4 tasks\s+results: ", submitted);
            var (_, jobs) = await NodeProcess.RunAsync(settings, timeout, "jobs");
            Assert.Contains(": rsi(period=10),macd on TCS,INFY 2022-01-01..2023-12-31", jobs, StringComparison.Ordinal);

            // Every result as JSON, made from the stored rows: the four backtests in task order, with their metrics.
            string id = Regex.Match(submitted, @"\b([a-z0-9]{6}) completed").Groups[1].Value;
            var (resultsExit, json) = await NodeProcess.RunAsync(settings, timeout, "results", id);
            Assert.Equal(0, resultsExit);
            using var document = JsonDocument.Parse(json[json.IndexOf('{', StringComparison.Ordinal)..]);
            var results = document.RootElement.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(id, document.RootElement.GetProperty("id").GetString());
            Assert.Equal([0, 1, 2, 3], results.Select(r => r.GetProperty("index").GetInt32()));
            Assert.Equal(["rsi", "macd", "rsi", "macd"], results.Select(r => r.GetProperty("strategy").GetString()));
            Assert.Equal(10, results[0].GetProperty("params").GetProperty("period").GetInt32());
            Assert.All(results, r => Assert.True(r.GetProperty("metrics").GetProperty("trades").GetInt32() >= 0));
            var (unknownExit, unknown) = await NodeProcess.RunAsync(settings, timeout, "results", "zzzzzz");
            Assert.NotEqual(0, unknownExit);
            Assert.Contains("There is no job 'zzzzzz'", unknown, StringComparison.Ordinal);

            var (stopExit, stopped) = await NodeProcess.RunAsync(settings, timeout, "stop");
            Assert.Equal(0, stopExit);
            Assert.Contains($"Stopped worker (PID: {pids[1].Item2})", stopped, StringComparison.Ordinal);
            Assert.Contains($"Stopped driver (PID: {pids[0].Item2})", stopped, StringComparison.Ordinal);
            Assert.All(pids, p => Assert.False(IsRunning(p.Item2)));
            var (downExit, down) = await NodeProcess.RunAsync(settings, timeout, "status");
            Assert.Equal(3, downExit);
            Assert.Contains("DOWN", down, StringComparison.Ordinal);
        }
        finally
        {
            await NodeProcess.RunAsync(settings, timeout, "stop");
        }
    }

    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("claudbot-node", StringComparison.Ordinal);

    [GeneratedRegex(@"Started (driver|worker) \(PID: (\d+)\)")]
    private static partial Regex StartedLine();
}
