using ClaudBot.Cluster.Worker;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Filters;

namespace ClaudBot.Node;

/// <summary>
/// Rolling log files in <c>logs/</c> beside the program: <c>cluster_driver.log</c> for the driver and
/// <c>worker_&lt;id&gt;.log</c> for this process's worker; at 10 MB a file rolls over to <c>_001</c>, <c>_002</c>, ..., and the
/// newest 7 files are kept.
/// </summary>
internal static class NodeLogFiles
{
    public static void Add(HostApplicationBuilder builder, NodeRole role)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "logs");
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

        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
    }
}
