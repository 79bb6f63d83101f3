using System.Globalization;
using ClaudBot.Cluster.Worker;
using ClaudBot.Testing;

namespace ClaudBot.Cluster.Tests.Support;

/// <summary>
/// A cluster whose driver process serves the embedded queue server (and the dashboard on a free port), with worker
/// processes that each claim to be a box of their own (<c>Cluster:BoxName</c>), as a second machine's workers would.
/// </summary>
internal static class BoxCluster
{
    public static async Task<(ClusterHarness Cluster, Uri Dashboard)> StartAsync(string scratch, IDictionary<string, string> settings)
    {
        int port = TestPorts.Free();
        var dashboard = new Uri("http://127.0.0.1:" + TestPorts.Free().ToString(CultureInfo.InvariantCulture));
        var cluster = new ClusterHarness($"127.0.0.1:{port}", scratch, settings);
        await cluster.StartNodeAsync("driver", new Dictionary<string, string>
        {
            ["Redis:ConnectionString"] = string.Empty,
            ["Redis:EmbeddedPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Redis:EmbeddedDirectory"] = Path.Combine(scratch, "embedded"),
            ["Dashboard:Url"] = dashboard.ToString().TrimEnd('/'),
        });
        return (cluster, dashboard);
    }

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
