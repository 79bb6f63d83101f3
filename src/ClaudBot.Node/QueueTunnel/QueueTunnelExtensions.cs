using ClaudBot.Cluster.QueueTunnel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaudBot.Node.QueueTunnel;

public static class QueueTunnelExtensions
{
    /// <summary>
    /// The tunnel to the server's queue, when section <c>QueueTunnel</c> names a server (a worker box). Call before the
    /// worker is added: hosted services start in order, and the worker's first queue call should find the tunnel up.
    /// </summary>
    public static IServiceCollection AddQueueTunnel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection(QueueTunnelOptions.Section).Get<QueueTunnelOptions>() is not { Enabled: true })
        {
            return services;
        }

        services.AddOptions<QueueTunnelOptions>().BindConfiguration(QueueTunnelOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.User.Length > 0 && Path.IsPathFullyQualified(o.IdentityFile) && Path.IsPathFullyQualified(o.KnownHostsFile),
                "QueueTunnel needs User, and IdentityFile and KnownHostsFile as absolute paths: run 'claudbot setup --worker HOST' again.")
            .ValidateOnStart();
        services.AddHostedService<QueueTunnelService>();
        return services;
    }
}
