using ClaudBot.MarketData;
using ClaudBot.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClaudBot.Ssh;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// When <c>Target:Kind</c> is <c>ssh</c>: the server of section <c>Target:Ssh</c> as the bot's cluster target.
    /// Call before <c>AddBot</c>, which otherwise puts the in-process cluster there.
    /// </summary>
    public static IServiceCollection AddSshTarget(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Target:Kind"] != "ssh")
        {
            return services;
        }

        services.AddOptions<SshTargetOptions>().BindConfiguration(SshTargetOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Host.Length > 0 && o.User.Length > 0, "Target:Kind is 'ssh' but Target:Ssh:Host or Target:Ssh:User is empty: run 'claudbot setup --host HOST --user USER' (or set WORKER_HOST and WORKER_USER).")
            .ValidateOnStart();
        services.AddSingleton<SshSession>();
        services.AddSingleton<WorkerBoxSessions>();
        services.AddSingleton<SshClusterTarget>();
        services.AddSingleton<IClusterTarget>(sp => sp.GetRequiredService<SshClusterTarget>());
        services.AddHostedService<DashboardForward>();

        // Requests are read against the server's data (its listing through the node's API), not this machine's copy.
        services.AddMarketData();
        services.AddSingleton<ServerMarketData>();
        services.Replace(ServiceDescriptor.Singleton<IMarketData>(sp => sp.GetRequiredService<ServerMarketData>()));
        return services;
    }
}
