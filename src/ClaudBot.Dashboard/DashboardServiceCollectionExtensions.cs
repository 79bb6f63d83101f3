using ClaudBot.Dashboard.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dashboard (options section <c>Dashboard</c>, validated on start) as a hosted service that
    /// runs its own Kestrel server on <see cref="DashboardOptions.Url"/>. Needs the cluster client
    /// (<c>AddClusterClient</c>) in the same container.
    /// </summary>
    public static IServiceCollection AddClaudBotDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton<DashboardServer>();
        services.AddHostedService(sp => sp.GetRequiredService<DashboardServer>());
        return services;
    }
}
