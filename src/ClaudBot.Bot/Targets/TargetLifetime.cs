using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Targets;

/// <summary>Starts the cluster with the bot when <see cref="TargetOptions.AutoStart"/>; stops an in-process cluster with it.</summary>
internal sealed class TargetLifetime(IClusterTarget target, IOptions<TargetOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AutoStart && target is LocalClusterTarget)
        {
            await target.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Only the in-process node dies with the bot; a remote cluster keeps running.
        if (target is LocalClusterTarget local)
        {
            await local.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
