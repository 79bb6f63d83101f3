using System.Net;

namespace ClaudBot.Redis.Embedded;

/// <summary>
/// The embedded server hosted by this process, as the Redis client sees it. Registered only by processes that
/// serve the queue (ClaudBot.Redis.Embedded's <c>AddEmbeddedRedisServer</c>), so clients carry no server code.
/// </summary>
public interface IEmbeddedServerHost
{
    /// <summary>Where the server listens once started; null before.</summary>
    EndPoint? EndPoint { get; }

    /// <summary>Waits for the server to start (it starts with the host), or throws <see cref="RedisUnavailableException"/>.</summary>
    Task<EndPoint> WaitForServerAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The connection that uses this server, closed before the server stops.</summary>
    void Attach(RedisConnection connection);
}
