using ClaudBot.Targets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Ssh;

/// <summary>
/// While the bot runs, the server's dashboard (port <see cref="SshTargetOptions.DashboardPort"/> on its
/// loopback) is on this machine's <c>localhost</c> at the same port. Best effort: a server not reachable
/// now, or the port taken here, is logged and retried a minute later; the bot works without it.
/// </summary>
internal sealed partial class DashboardForward(SshSession session, IOptions<SshTargetOptions> options, TimeProvider time, ILogger<DashboardForward> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int port = options.Value.DashboardPort;
        using var tunnel = new OpenSshTunnel(options.Value, port, port);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The same checks as any request first: host key, login.
                await session.ConnectAsync(stoppingToken).ConfigureAwait(false);
                await tunnel.EnsureAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (ClusterTargetException failure)
            {
                LogNotForwarded(logger, port, failure.Message);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The bot is stopping; the tunnel goes with it.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard is not forwarded to localhost:{Port} now: {Reason}")]
    private static partial void LogNotForwarded(ILogger logger, int port, string reason);
}
