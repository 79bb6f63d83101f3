using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Queue;
using ClaudBot.Hosting;
using ClaudBot.Node.Daemon;
using ClaudBot.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>status [--json]</c>: the node's processes, the workers the queue knows (slots, busy, heartbeat),
/// jobs running and queued, work waiting, and the box's CPU and memory. Exit code 0 when everything is
/// up, 3 when something is down.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(TextWriter output)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON" };
        var command = new Command("status", "Show the node's processes, workers, jobs and load.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var status = await GatherAsync(cancellationToken);
            await output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(status, NodeJson.Default.NodeStatus) : Describe(status));
            return status.Up ? 0 : 3;
        });
        return command;
    }

    private static async Task<NodeStatus> GatherAsync(CancellationToken cancellationToken)
    {
        var processes = PidFiles.Read().Select(p => new NodeProcessStatus(p.Name, p.Pid, p.Alive)).ToList();
        ClusterSnapshot? snapshot = null;
        string? problem = null;
        var builder = ClaudBotHost.CreateBuilder(new Dictionary<string, string?> { ["Redis:ConnectTimeout"] = "00:00:02" });
        builder.Services.AddClusterClient(hostEmbeddedRedis: false);
        await using (var services = builder.Services.BuildServiceProvider())
        {
            try
            {
                snapshot = await services.GetRequiredService<ClusterClient>().SnapshotAsync(cancellationToken);
            }
            catch (RedisUnavailableException unavailable)
            {
                problem = unavailable.Message;
            }
        }

        double cpu = await SystemLoad.CpuPercentAsync(TimeSpan.FromMilliseconds(250), cancellationToken);
        return new NodeStatus(Environment.MachineName, processes, snapshot, problem, cpu, SystemLoad.MemoryPercent(), TimeProvider.System.GetUtcNow());
    }

    private static string Describe(NodeStatus status)
    {
        var text = new System.Text.StringBuilder();
        var now = status.At;
        text.AppendLine(CultureInfo.InvariantCulture, $"ClaudBot cluster on {status.Host}: {(status.Up ? "UP" : "DOWN")}");
        if (status.Processes.Count == 0)
        {
            text.AppendLine("  no node processes started here (claudbot-node start)");
        }

        foreach (var process in status.Processes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {process.Name,-10} {(process.Running ? "running" : "DOWN"),-8} PID {process.Pid}");
        }

        if (status.Cluster is { } cluster)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Workers: {cluster.Workers.Count} ({cluster.Workers.Sum(w => w.Slots)} slots, {cluster.Workers.Sum(w => w.Busy)} busy)");
            foreach (var worker in cluster.Workers)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {worker.Id,-24} slots {worker.Slots}  busy {worker.Busy}  heartbeat {(now - worker.HeartbeatAt).TotalSeconds:0}s ago");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"Jobs: {cluster.JobsRunning} running, {cluster.JobsQueued} queued; {cluster.ChunksQueued} chunks, {cluster.TasksPending:N0} tasks waiting");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Queue: unreachable ({status.QueueError})");
        }

        text.Append(CultureInfo.InvariantCulture, $"CPU {status.CpuPercent:0.0}%  Memory {status.MemoryPercent:0.0}%");
        return text.ToString();
    }
}
