using ClaudBot.Redis.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Redis;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RedisOptions"/> (section <c>Redis</c>, validated on start) and the
    /// <see cref="RedisConnection"/> singleton. A process that also serves the queue registers the embedded
    /// server too (ClaudBot.Redis.Embedded's <c>AddEmbeddedRedisServer</c>); the connection then waits for it.
    /// Without that, an embedded server is one another process on this box hosts, found through its endpoint file.
    /// </summary>
    public static IServiceCollection AddClaudBotRedis(this IServiceCollection services)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RedisConnection(
            sp.GetRequiredService<IOptions<RedisOptions>>().Value,
            sp.GetService<IEmbeddedServerHost>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RedisConnection>>()));
        return services;
    }
}
