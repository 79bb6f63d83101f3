using Microsoft.Extensions.Hosting;

namespace ClaudBot.Ssh;

/// <summary>Opens the SSH connection when the bot starts, so the dashboard is forwarded to this machine at once.</summary>
internal sealed class DashboardForward(SshSession session) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await session.ConnectAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Not reachable now: the first request says so, and connects (and forwards) when it can.
        }
    }
}
