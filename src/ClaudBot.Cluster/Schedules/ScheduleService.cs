using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClaudBot.Cluster.Schedules;

/// <summary>The driver's schedule clock: a <see cref="ScheduleRunner"/> tick every few seconds, on the node's <see cref="TimeProvider"/>.</summary>
internal sealed partial class ScheduleService(ScheduleRunner runner, TimeProvider time, ILogger<ScheduleService> logger) : BackgroundService
{
    /// <summary>Schedules are to the minute; a few seconds late is on time.</summary>
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await runner.TickAsync(stoppingToken);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    // The queue away or a timeout: the next tick tries again, and claims keep a retried occurrence single.
                    LogTickFailed(error.Message);
                }

                await Task.Delay(Period, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule tick failed: {Reason}")]
    private partial void LogTickFailed(string reason);
}
