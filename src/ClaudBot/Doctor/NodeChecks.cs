using ClaudBot.Cluster.Status;
using ClaudBot.Targets;
using Microsoft.Extensions.Configuration;

namespace ClaudBot.Doctor;

/// <summary>Whether the node the bot acts on is up (its processes and its queue), and, for the local node, its dashboard.</summary>
internal static class NodeChecks
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(3);

    public static DoctorCheck CheckTarget(IClusterTarget target, bool local) =>
        DoctorCheck.Ok("target", local ? "local: the node service on this machine" : $"ssh: the node {target.Description}");

    /// <summary>The target's own status, the same one 'monitor' shows: processes from pid files (local) or the server's status.</summary>
    public static async Task<DoctorCheck> CheckNodeAsync(IClusterTarget target, CancellationToken cancellationToken)
    {
        NodeStatus status;
        try
        {
            status = await target.StatusAsync(cancellationToken);
        }
        catch (ClusterTargetException unreachable)
        {
            return DoctorCheck.Fail("node", unreachable.Message);
        }

        var running = status.Processes.Where(p => p.Running).ToList();
        string pids = string.Join(", ", running.Select(p => $"{p.Name} PID {p.Pid}"));
        if (running.Count == 0)
        {
            return DoctorCheck.Fail("node", "down: no node process is running; start it with 'claudbot start'");
        }

        if (status.Cluster is not { } cluster)
        {
            return DoctorCheck.Fail("node", $"{pids} running, but its queue does not answer: {status.QueueError}");
        }

        return DoctorCheck.Ok("node", $"up: {pids}; {cluster.Workers.Count} worker(s) reporting");
    }

    /// <summary>The local node's dashboard answers <c>GET /healthz</c> at <c>Dashboard:Url</c>; the ssh target's is on the server.</summary>
    public static async Task<DoctorCheck> CheckDashboardAsync(IClusterTarget target, IConfiguration configuration, bool local, CancellationToken cancellationToken)
    {
        if (!local)
        {
            return DoctorCheck.Skip("dashboard", "on the server; the bot forwards it to localhost while it runs");
        }

        if (string.Equals(configuration["Dashboard:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return DoctorCheck.Skip("dashboard", "disabled (Dashboard:Enabled is false)");
        }

        Uri url;
        try
        {
            url = new Uri(await target.NodeApiAsync(cancellationToken), "/healthz");
        }
        catch (ClusterTargetException unusable)
        {
            return DoctorCheck.Fail("dashboard", unusable.Message);
        }

        using var http = new HttpClient { Timeout = HealthTimeout };
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode
                ? DoctorCheck.Ok("dashboard", $"{url} answered {(int)response.StatusCode}")
                : DoctorCheck.Fail("dashboard", $"{url} answered {(int)response.StatusCode}");
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return DoctorCheck.Fail("dashboard", $"{url} does not answer ({error.Message.TrimEnd('.')})");
        }
    }
}
