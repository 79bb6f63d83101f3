using System.CommandLine;
using System.Text.Json;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Platform;
using ClaudBot.Cluster.Queue;
using ClaudBot.Cluster.Status;
using ClaudBot.Hosting;
using ClaudBot.Node.Daemon;
using ClaudBot.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Commands;

/// <summary>
/// <c>status [--json]</c>: the node's processes, the workers the queue knows (slots, busy, heartbeat),
/// jobs running and queued, work waiting, and the box's CPU and memory. Exits with <see cref="ExitCodes.ClusterDown"/>
/// when something is down.
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
            await output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(status, StatusJson.Default.NodeStatus) : NodeStatusText.Describe(status));
            return status.Up ? ExitCodes.Success : ExitCodes.ClusterDown;
        });
        return command;
    }

    private static async Task<NodeStatus> GatherAsync(CancellationToken cancellationToken)
    {
        var processes = NodePids.ForThisNode().Read();
        ClusterSnapshot? snapshot = null;
        string? problem = null;
        DiskStatus? disk = null;
        var builder = ClaudBotHost.CreateBuilder(new Dictionary<string, string?> { ["Redis:ConnectTimeout"] = "00:00:02" });
        builder.Services.AddClusterClient();
        await using (var services = builder.Services.BuildServiceProvider())
        {
            disk = services.GetRequiredService<ClusterClient>().Disk();
            try
            {
                snapshot = await services.GetRequiredService<ClusterClient>().SnapshotAsync(cancellationToken);
            }
            catch (RedisUnavailableException unavailable)
            {
                problem = unavailable.Message;
            }
        }

        var load = SystemLoad.ForThisPlatform();
        double cpu = await load.CpuPercentAsync(TimeSpan.FromMilliseconds(250), cancellationToken);
        return new NodeStatus(Environment.MachineName, processes, snapshot, problem, cpu, load.MemoryPercent(), TimeProvider.System.GetUtcNow()) { Disk = disk };
    }
}
