using ClaudBot.Cluster.Worker;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Filters;

namespace ClaudBot.Cluster.Status;

/// <summary>
/// Rolling log files in <c>logs/</c> beside the program: <c>cluster_driver.log</c> for the driver and
/// <c>worker_&lt;id&gt;.log</c> for this process's worker; at 10 MB a file rolls over to <c>_001</c>, <c>_002</c>, ..., and the
/// newest 7 files are kept.
/// </summary>
public static class ClusterLogFiles
{
    /// <summary>File name patterns of a component's logs, rolled files included.</summary>
    public static string Pattern(NodeRole component, string workerId) => component == NodeRole.Worker ? $"worker_{workerId}*.log" : "cluster_driver*.log";

    /// <summary>Adds the files for <paramref name="role"/> in <paramref name="folder"/> to <paramref name="logging"/>.</summary>
    public static void Add(ILoggingBuilder logging, NodeRole role, string folder)
    {
        ArgumentNullException.ThrowIfNull(logging);
        var configuration = new LoggerConfiguration().MinimumLevel.Information();
        if (role != NodeRole.Worker)
        {
            configuration.WriteTo.Logger(driver => driver
                .Filter.ByExcluding(Matching.FromSource("ClaudBot.Cluster.Worker"))
                .WriteTo.File(Path.Combine(folder, "cluster_driver.log"), rollingInterval: RollingInterval.Infinite, retainedFileCountLimit: 7, fileSizeLimitBytes: 10_000_000, rollOnFileSizeLimit: true));
        }

        if (role != NodeRole.Driver)
        {
            string id = WorkerIdentity.ForThisProcess().Id;
            configuration.WriteTo.Logger(worker => worker
                .Filter.ByIncludingOnly(Matching.FromSource("ClaudBot.Cluster.Worker"))
                .WriteTo.File(Path.Combine(folder, $"worker_{id}.log"), rollingInterval: RollingInterval.Infinite, retainedFileCountLimit: 7, fileSizeLimitBytes: 10_000_000, rollOnFileSizeLimit: true));
        }

        logging.AddSerilog(configuration.CreateLogger(), dispose: true);
    }
}
