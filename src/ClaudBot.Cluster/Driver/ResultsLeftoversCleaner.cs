using ClaudBot.Cluster.Platform;
using ClaudBot.Cluster.Results;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Driver;

/// <summary>At the driver's start, removes the partial results files of a driver that was killed while writing one.</summary>
internal sealed partial class ResultsLeftoversCleaner(IOptions<ClusterOptions> options, ILogger<ResultsLeftoversCleaner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        string directory = options.Value.ResolveResultsDirectory();
        var removed = ResultsLeftovers.Clean(directory, ProcessProbe.ForThisPlatform());
        if (removed.Count > 0)
        {
            LogRemoved(removed.Count, directory);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} partial results file(s) left by a driver that stopped mid-write in {Directory}")]
    private partial void LogRemoved(int count, string directory);
}
