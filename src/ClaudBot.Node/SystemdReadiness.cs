using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace ClaudBot.Node;

/// <summary>
/// systemd's notify protocol for <c>claudbot-node run</c> (the unit is <c>Type=notify</c>): READY=1 is sent once the
/// host has started (the queue server, driver, workers and dashboard all answer), so systemd's "started" means ready,
/// and STOPPING=1 when it stops. Outside a notify supervisor nothing changes (the console lifetime stays).
/// </summary>
internal static class SystemdReadiness
{
    private const string NotifySocket = "NOTIFY_SOCKET";

    public static IServiceCollection AddSystemdReadiness(this IServiceCollection services)
    {
        // Under systemd (its child): the systemd lifetime, notifier and journal log format.
        services.AddSystemd();

        // AddSystemd looks at the parent process; a notify socket handed over by anything else (systemd-run wrappers,
        // a supervisor speaking the protocol, the tests) is honoured too: it is the protocol's only real signal.
        if (!SystemdHelpers.IsSystemdService() && Environment.GetEnvironmentVariable(NotifySocket) is { Length: > 0 })
        {
            services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }

        return services;
    }
}
