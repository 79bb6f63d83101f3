using StackExchange.Redis;

namespace ClaudBot.Redis;

/// <summary>
/// Redis could not be reached (refused, no answer within the connect timeout, authentication failed).
/// The message names the endpoint, never the password: "Redis at 127.0.0.1:6390 is not reachable: …".
/// A <see cref="RedisException"/>, so code that already rides out Redis failures rides out this one too.
/// </summary>
public sealed class RedisUnavailableException : RedisException
{
    public RedisUnavailableException()
        : base("Redis is not reachable.")
    {
    }

    public RedisUnavailableException(string message)
        : base(message)
    {
    }

    public RedisUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The endpoint that could not be reached, as <see cref="RedisConnection.DescribeEndpoint"/> shows it.</summary>
    public string? Endpoint { get; init; }
}
