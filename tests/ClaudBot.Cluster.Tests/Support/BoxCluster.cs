using System.Globalization;
using System.Text.RegularExpressions;
using ClaudBot.Cluster.Worker;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.Support;

/// <summary>
/// A cluster whose driver process serves the embedded queue server (and the dashboard on a free port), with worker
/// processes that each claim to be a box of their own (<c>Cluster:BoxName</c>), as a second machine's workers would.
/// </summary>
internal static partial class BoxCluster
{
    public static async Task<(ClusterHarness Cluster, Uri Dashboard)> StartAsync(string scratch, IDictionary<string, string> settings)
    {
        int port = TestPorts.Free();
        var cluster = new ClusterHarness($"127.0.0.1:{port}", scratch, settings);
        // Port 0: the dashboard takes a port of the kernel's choosing and logs it. A port picked free beforehand can be taken
        // by any other test's connection before the driver binds it, and the node then runs without its dashboard.
        var driver = await cluster.StartNodeAsync("driver", new Dictionary<string, string>
        {
            ["Redis:ConnectionString"] = string.Empty,
            ["Redis:EmbeddedPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Redis:EmbeddedDirectory"] = Path.Combine(scratch, "embedded"),
            ["Dashboard:Url"] = "http://127.0.0.1:0",
        });
        await driver.WaitForOutputAsync("Dashboard listening on http://127.0.0.1:", TimeSpan.FromSeconds(30));
        var listening = ListeningRegex().Match(driver.Output);
        return (cluster, new Uri(listening.Groups["url"].Value));
    }

    [GeneratedRegex(@"Dashboard listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningRegex();

    public static Task<NodeProcess> StartBoxAsync(this ClusterHarness cluster, string box, IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Cluster:BoxName"] = box };
        return cluster.StartNodeAsync("worker", all);
    }

    /// <summary>A copy of every bundled data file: a second box's data folder.</summary>
    public static string CopyOfData(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (string file in Directory.GetFiles(TestServices.DataDirectory, "*.csv"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
        }

        return directory;
    }

    /// <summary>Waits until worker <paramref name="id"/>'s heartbeat satisfies <paramref name="condition"/> and returns it.</summary>
    public static async Task<WorkerHeartbeat> WaitForWorkerAsync(this ClusterHarness cluster, string id, Func<WorkerHeartbeat, bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        WorkerHeartbeat? last = null;
        try
        {
            while (true)
            {
                last = (await cluster.Client.SnapshotAsync(cancel.Token)).Workers.FirstOrDefault(w => w.Id == id);
                if (last is not null && condition(last))
                {
                    return last;
                }

                await Task.Delay(50, cancel.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Worker {id}'s heartbeat did not change as expected within {timeout.TotalSeconds} s; last: {last}");
        }
    }
}
