using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace ClaudBot.Hosting;

/// <summary>
/// systemd's notify protocol for the services' hosts (<c>claudbot-node run</c>, <c>claudbot telegram</c>; their units are
/// <c>Type=notify</c>): READY=1 is sent once the host has started (for the node: the queue server, driver, workers and
/// dashboard all answer; for the bot: its channel polls), so systemd's "started" means ready,
/// and STOPPING=1 when it stops. Outside a notify supervisor nothing changes (the console lifetime stays).
/// </summary>
public static class SystemdReadiness
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
