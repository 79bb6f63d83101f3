using System.Net;
using ClaudBot.Redis.Embedded;
using StackExchange.Redis;

namespace ClaudBot.Redis.Connection;

/// <summary>
/// Which Redis to connect to: the configured connection string; the embedded server this process
/// hosts; or the one another process on this box hosts, found through its <c>endpoint</c> file.
/// </summary>
internal sealed class RedisTarget(RedisOptions options, IEmbeddedServerHost? host)
{
    public bool IsEmbedded => options.UsesEmbeddedServer;

    public TimeSpan ConnectTimeout => options.ConnectTimeout;

    /// <summary>The endpoint(s) as "host:port", never with a password.</summary>
    public string Describe()
    {
        if (!IsEmbedded)
        {
            var parsed = ConfigurationOptions.Parse(options.ConnectionString!);
            parsed.SetDefaultPorts();
            return string.Join(",", parsed.EndPoints.Select(Format));
        }

        return host?.EndPoint?.ToString() ?? EmbeddedEndpointText() ?? $"127.0.0.1:{options.EmbeddedPort}";
    }

    /// <summary>Endpoints and credentials to connect with; the caller adds timeouts.</summary>
    public async Task<ConfigurationOptions> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!IsEmbedded)
        {
            return ConfigurationOptions.Parse(options.ConnectionString!);
        }

        var config = new ConfigurationOptions();
        if (host is not null)
        {
            config.EndPoints.Add(await host.WaitForServerAsync(options.ConnectTimeout, cancellationToken));
            return config;
        }

        string text = EmbeddedEndpointText()
            ?? (options.EmbeddedPort == 0
                ? throw new RedisUnavailableException(
                    $"No embedded Redis server is running: {EmbeddedFolder.EndpointFilePath(options.ResolveEmbeddedDirectory())} does not exist " +
                    "(start a node that hosts it, or set Redis:ConnectionString).")
                : $"127.0.0.1:{options.EmbeddedPort}");
        config.EndPoints.Add(text);
        return config;
    }

    private string? EmbeddedEndpointText() => EmbeddedFolder.ReadEndpoint(options.ResolveEmbeddedDirectory());

    private static string Format(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endPoint.ToString() ?? "?",
    };
}
