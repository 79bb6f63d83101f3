using ClaudBot.Cluster;
using ClaudBot.Cluster.Status;
using ClaudBot.Cluster.Worker;
using ClaudBot.Dashboard;
using ClaudBot.Node.QueueTunnel;
using ClaudBot.Redis.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Node;

/// <summary>
/// The one composition of a node process, used by <c>claudbot-node run</c>, the test harnesses and the bench:
/// the driver role hosts the queue (the embedded server unless <c>Redis:ConnectionString</c> names one), the
/// driver and its dashboard; the worker role runs <c>Cluster:WorkerSlots</c> tasks at once; <c>all</c> both.
/// </summary>
public static class NodeComposition
{
    /// <summary>Adds <paramref name="role"/>'s services to <paramref name="builder"/> (made by <c>ClaudBotHost.CreateBuilder</c>).</summary>
    /// <param name="dashboard">Serve the dashboard with the driver (the bench leaves it out).</param>
    /// <param name="logFiles">Log to the node's files in <c>Cluster:LogDirectory</c> (in-process test nodes may log to the test output instead).</param>
    public static HostApplicationBuilder AddClusterNode(this HostApplicationBuilder builder, NodeRole role, bool dashboard = true, bool logFiles = true)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Under systemd's and 'stop''s SIGKILL deadline (10 s), with time for the workers to hand chunks back.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(4));
        builder.Services.AddClusterClient();
        if (role != NodeRole.Worker)
        {
            // The driver serves the queue: the embedded server, unless Redis:ConnectionString names a Redis.
            builder.Services.AddEmbeddedRedisServer();
            builder.Services.AddClusterDriver();
            if (dashboard)
            {
                // REST API and /ws, section Dashboard, 127.0.0.1:3000 by default.
                builder.Services.AddClaudBotDashboard();
            }
        }

        var options = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        WorkerNameLease? name = null;
        if (role != NodeRole.Driver)
        {
            // Claimed now, not when the host starts: the worker's log file is named after it. The factory makes the
            // container dispose it (freeing the name) with the host.
            name = WorkerNameLease.Claim(options);
            builder.Services.AddSingleton(_ => name);
            builder.Services.AddQueueTunnel(builder.Configuration);
            builder.Services.AddClusterWorker();
        }

        if (logFiles)
        {
            ClusterLogFiles.Add(builder.Logging, role, options.ResolveLogDirectory(), name?.Identity.Id);
        }

        return builder;
    }
}
