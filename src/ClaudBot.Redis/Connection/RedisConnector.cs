using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace ClaudBot.Redis.Connection;

/// <summary>
/// Opens a multiplexer that either connects within the connect timeout or fails with a
/// <see cref="RedisUnavailableException"/> naming the endpoint and the reason.
/// </summary>
internal static class RedisConnector
{
    // How long the diagnosis after a failed connect may probe the TCP port (refused or silent?).
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(250);

    public static async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions config, string endpoint, TimeSpan connectTimeout)
    {
        var log = Prepare(config, connectTimeout);
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(config, log);
        }
        catch (RedisConnectionException error)
        {
            string reason = await ReasonAsync(error, log.ToString(), config.EndPoints.FirstOrDefault(), connectTimeout);
            throw new RedisUnavailableException($"Redis at {endpoint} is not reachable: {reason}.", error) { Endpoint = endpoint };
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
            string reason = ReasonAsync(error, log.ToString(), config.EndPoints.FirstOrDefault(), connectTimeout).GetAwaiter().GetResult();
            throw new RedisUnavailableException($"Redis at {endpoint} is not reachable: {reason}.", error) { Endpoint = endpoint };
        }
    }

    private static StringWriter Prepare(ConfigurationOptions config, TimeSpan connectTimeout)
    {
        // Abort only governs the first connect: once connected, the multiplexer reconnects by itself.
        // One attempt, so the first connect fails within ConnectTimeout rather than a multiple of it.
        config.AbortOnConnectFail = true;
        config.ConnectRetry = 1;
        config.ConnectTimeout = (int)connectTimeout.TotalMilliseconds;

        // Reconnect tries at most 2 s apart (the library's default grows to 10 s): after a long outage the cluster
        // resumes within about 2 s of the server's return, well inside a lease.
        config.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
        return new StringWriter(CultureInfo.InvariantCulture);
    }

    // SE.Redis's exception says only "It was not possible to connect". Its connect log sometimes has the
    // socket error ("03:39:37.5859: > Connection refused"), depending on timing; otherwise one short TCP
    // connect tells a closed port from a server that accepts but never answers.
    private static async Task<string> ReasonAsync(RedisConnectionException error, string log, EndPoint? endPoint, TimeSpan connectTimeout)
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

        string? socketError = endPoint is null ? null : await ProbeAsync(endPoint);
        return socketError ?? $"no answer within the connect timeout ({connectTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s)";
    }

    private static async Task<string?> ProbeAsync(EndPoint endPoint)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            await socket.ConnectAsync(endPoint, timeout.Token);
            return null;
        }
        catch (SocketException error)
        {
            return error.Message.ToLowerInvariant();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
