using ClaudBot.Redis.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Redis;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RedisOptions"/> (section <c>Redis</c>, validated on start) and the
    /// <see cref="RedisConnection"/> singleton. With <paramref name="hostEmbeddedServer"/>, and when no
    /// connection string is set, this process also runs the embedded server: started before every other
    /// hosted service, stopped gracefully (data kept) after all of them.
    /// </summary>
    public static IServiceCollection AddClaudBotRedis(this IServiceCollection services, bool hostEmbeddedServer)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        if (hostEmbeddedServer)
        {
            services.TryAddSingleton<EmbeddedRedisHost>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EmbeddedRedisHost>(sp => sp.GetRequiredService<EmbeddedRedisHost>()));
        }

        services.TryAddSingleton(sp => new RedisConnection(
            sp.GetRequiredService<IOptions<RedisOptions>>().Value,
            hostEmbeddedServer ? sp.GetRequiredService<EmbeddedRedisHost>() : null,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RedisConnection>>()));
        return services;
    }
}
