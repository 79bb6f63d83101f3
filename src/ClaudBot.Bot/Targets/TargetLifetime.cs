using ClaudBot.Bot.Targets.Local;
using ClaudBot.Targets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Targets;

/// <summary>
/// Starts the node service with the bot when <see cref="TargetOptions.AutoStart"/> (local target). The node
/// outlives the bot: nothing is stopped when the bot ends.
/// </summary>
internal sealed class TargetLifetime(IClusterTarget target, IOptions<TargetOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AutoStart && target is LocalNodeTarget)
        {
            await target.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
