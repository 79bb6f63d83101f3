using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ClaudBot.Redis.Embedded;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// This process serves the queue: when no <c>Redis:ConnectionString</c> is set it runs the embedded server,
    /// started before every other hosted service and stopped gracefully (data kept) after all of them, and the
    /// Redis connection (<c>AddClaudBotRedis</c>) connects to it.
    /// </summary>
    public static IServiceCollection AddEmbeddedRedisServer(this IServiceCollection services)
    {
        services.TryAddSingleton<EmbeddedRedisHost>();
        services.TryAddSingleton<IEmbeddedServerHost>(sp => sp.GetRequiredService<EmbeddedRedisHost>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EmbeddedRedisHost>(sp => sp.GetRequiredService<EmbeddedRedisHost>()));
        return services;
    }
}
