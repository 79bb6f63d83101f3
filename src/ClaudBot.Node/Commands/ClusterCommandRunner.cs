using ClaudBot.Backtesting;
using ClaudBot.Cluster;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Platform;
using ClaudBot.Hosting;
using ClaudBot.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.Commands;

/// <summary>
/// Runs a client command (submit, jobs, job, cancel) against the cluster's Redis: starts a host
/// without hosted services, hands the work a <see cref="ClusterClient"/>, and turns input errors and
/// an unreachable queue into one line and <see cref="ExitCodes.BadInput"/> or <see cref="ExitCodes.ClusterDown"/>.
/// </summary>
internal static class ClusterCommandRunner
{
    public static Task<int> RunAsync(TextWriter error, Func<ClusterClient, CancellationToken, Task<int>> work, CancellationToken cancellationToken) =>
        RunAsync(error, (services, ct) => work(services.GetRequiredService<ClusterClient>(), ct), cancellationToken);

    /// <summary>As the client's overload, for a command that needs more of the cluster's services than its client.</summary>
    public static async Task<int> RunAsync(TextWriter error, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            var builder = ClaudBotHost.CreateBuilder();
            builder.Services.AddClusterClient();
            using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            try
            {
                return await work(host.Services, cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception failure) when (InputErrors.IsInputError(failure) || failure is JobTooLargeException or KeyNotFoundException)
        {
            await error.WriteLineAsync("Error: " + InputErrors.Describe(failure));
            return ExitCodes.BadInput;
        }
        catch (RedisUnavailableException failure)
        {
            await error.WriteLineAsync("Error: " + failure.Message);
            return ExitCodes.ClusterDown;
        }
        catch (Exception failure) when (QueueErrorText.IsQueueError(failure))
        {
            // A timeout or a dropped connection mid-command (a stalled queue server): one line, never the client's stack.
            await error.WriteLineAsync("Error: " + QueueErrorText.Describe(failure));
            return ExitCodes.ClusterDown;
        }
        catch (IOException failure) when (DiskFullException.IsDiskFull(failure))
        {
            await error.WriteLineAsync("Error: " + failure.Message);
            return ExitCodes.Failed;
        }
    }
}
