using System.Globalization;
using StackExchange.Redis;

namespace ClaudBot.Redis.Connection;

/// <summary>
/// Opens a multiplexer that either connects within the connect timeout or fails with a
/// <see cref="RedisUnavailableException"/> naming the endpoint and the reason.
/// </summary>
internal static class RedisConnector
{
    public static async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions config, string endpoint, TimeSpan connectTimeout)
    {
        var log = Prepare(config, connectTimeout);
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(config, log);
        }
        catch (RedisConnectionException error)
        {
            throw Unavailable(endpoint, error, log.ToString(), connectTimeout);
        }
    }

    public static ConnectionMultiplexer Connect(ConfigurationOptions config, string endpoint, TimeSpan connectTimeout)
    {
        var log = Prepare(config, connectTimeout);
        try
        {
            return ConnectionMultiplexer.Connect(config, log);
        }
        catch (RedisConnectionException error)
        {
            throw Unavailable(endpoint, error, log.ToString(), connectTimeout);
        }
    }

    private static StringWriter Prepare(ConfigurationOptions config, TimeSpan connectTimeout)
    {
        // Abort only governs the first connect: once connected, the multiplexer reconnects by itself.
        // One attempt, so the first connect fails within ConnectTimeout rather than a multiple of it.
        config.AbortOnConnectFail = true;
        config.ConnectRetry = 1;
        config.ConnectTimeout = (int)connectTimeout.TotalMilliseconds;
        return new StringWriter(CultureInfo.InvariantCulture);
    }

    private static RedisUnavailableException Unavailable(string endpoint, RedisConnectionException error, string log, TimeSpan connectTimeout) =>
        new($"Redis at {endpoint} is not reachable: {Reason(error, log, connectTimeout)}.", error) { Endpoint = endpoint };

    // SE.Redis's exception says only "It was not possible to connect"; the cause is in its connect log,
    // as a line such as "03:39:37.5859: > Connection refused".
    private static string Reason(RedisConnectionException error, string log, TimeSpan connectTimeout)
    {
        if (error.FailureType == ConnectionFailureType.AuthenticationFailure)
        {
            return "authentication failed (check the user and password in Redis:ConnectionString)";
        }

        foreach (string line in log.Split('\n'))
        {
            int at = line.IndexOf(": > ", StringComparison.Ordinal);
            if (at >= 0)
            {
                return line[(at + 4)..].Trim().ToLowerInvariant();
            }
        }

        string seconds = connectTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return log.Contains("Did not respond", StringComparison.Ordinal)
            ? $"no answer within the connect timeout ({seconds} s)"
            : $"{error.FailureType} within the connect timeout ({seconds} s)";
    }
}
