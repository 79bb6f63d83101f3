using ClaudBot.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Filters;

namespace ClaudBot.Cluster.Status;

/// <summary>
/// Rolling log files in <c>logs/</c>: <c>cluster_driver.log</c> for the driver and <c>worker_&lt;name&gt;.log</c> for
/// this process's worker, named by its stable <see cref="Worker.WorkerNameLease"/> name so a restarted worker writes
/// on in the same file. At <see cref="FileSizeLimitBytes"/> a file rolls over to <c>_001</c>, <c>_002</c>, ..., and
/// the newest <see cref="RetainedFiles"/> files of each log are kept.
/// </summary>
public static class ClusterLogFiles
{
    public const long FileSizeLimitBytes = 10_000_000;

    public const int RetainedFiles = 7;

    /// <summary>The base name (before <c>_NNN</c> and <c>.log</c>) of the driver's log.</summary>
    public const string DriverName = "cluster_driver";

    /// <summary>The base name of the log of the worker named <paramref name="workerId"/>.</summary>
    public static string WorkerName(string workerId) => "worker_" + workerId;

    /// <summary>Adds the files for <paramref name="role"/> in <paramref name="folder"/> to <paramref name="logging"/>.</summary>
    /// <param name="workerId">The worker's stable name; needed unless <paramref name="role"/> is the driver alone.</param>
    public static void Add(ILoggingBuilder logging, NodeRole role, string folder, string? workerId)
    {
        ArgumentNullException.ThrowIfNull(logging);

        // Serilog creates its files with the default mode; an owner-only folder keeps other users out of them.
        PrivateFiles.CreateDirectory(folder);
        var configuration = new LoggerConfiguration().MinimumLevel.Information();
        if (role != NodeRole.Worker)
        {
            configuration.WriteTo.Logger(driver => driver
                .Filter.ByExcluding(Matching.FromSource("ClaudBot.Cluster.Worker"))
                .WriteTo.File(Path.Combine(folder, DriverName + ".log"), rollingInterval: RollingInterval.Infinite, retainedFileCountLimit: RetainedFiles, fileSizeLimitBytes: FileSizeLimitBytes, rollOnFileSizeLimit: true));
        }

        if (role != NodeRole.Driver)
        {
            ArgumentException.ThrowIfNullOrEmpty(workerId);
            configuration.WriteTo.Logger(worker => worker
                .Filter.ByIncludingOnly(Matching.FromSource("ClaudBot.Cluster.Worker"))
                .WriteTo.File(Path.Combine(folder, WorkerName(workerId) + ".log"), rollingInterval: RollingInterval.Infinite, retainedFileCountLimit: RetainedFiles, fileSizeLimitBytes: FileSizeLimitBytes, rollOnFileSizeLimit: true));
        }

        logging.AddSerilog(configuration.CreateLogger(), dispose: true);

        // The files say what happened (jobs, chunks) whatever the console's level: 'Logging:LogLevel:Default' is
        // Warning so commands keep stderr quiet, and without these provider rules it would empty the files too.
        // Framework chatter (every HTTP request of the dashboard) stays out.
        logging.AddFilter<SerilogLoggerProvider>(null, LogLevel.Information);
        logging.AddFilter<SerilogLoggerProvider>("Microsoft", LogLevel.Warning);
        logging.AddFilter<SerilogLoggerProvider>("System", LogLevel.Warning);
    }
}
