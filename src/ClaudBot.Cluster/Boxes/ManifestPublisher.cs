using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Queue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Boxes;

/// <summary>
/// The driver's side of refusing mismatched boxes: publishes its engine version and data manifest at start and again on
/// every heartbeat period (a third of the visibility timeout) when either changed, or when a queue server that restarted
/// lost them. Hashing happens once per file version (<see cref="DataManifestSource"/>), so a round costs a stat per file.
/// </summary>
internal sealed partial class ManifestPublisher(
    ManifestStore store,
    DataManifestSource data,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<ManifestPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.VisibilityTimeout / 3;
        string by = options.Value.ResolveBoxName();
        int failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var manifest = await Task.Run(data.Current, stoppingToken);
                if (await store.PublishAsync(EngineVersion.Current, manifest, by, time.GetUtcNow()))
                {
                    LogPublished(EngineVersion.Current, manifest.Fingerprint, manifest.Files.Count);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                failures++;
                LogFailed(error.Message);
            }

            try
            {
                await Task.Delay(failures == 0 ? period : Backoff.Queue.Delay(failures), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published what the cluster runs: engine {Engine}, data {Fingerprint} ({Files} files)")]
    private partial void LogPublished(string engine, string fingerprint, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the engine version and data manifest: {Reason}; trying again")]
    private partial void LogFailed(string reason);
}
