using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Redis.Embedded;

/// <summary>
/// Runs the embedded server for a host that serves the cluster (no connection string set): starts it
/// before any hosted service starts (<see cref="StartingAsync"/>) and, after every hosted service has
/// stopped (<see cref="StoppedAsync"/>), closes the Redis connection and stops it gracefully.
/// </summary>
internal sealed class EmbeddedRedisHost(IOptions<RedisOptions> options, ILoggerFactory loggerFactory) : IEmbeddedServerHost, IHostedLifecycleService, IAsyncDisposable
{
    private readonly TaskCompletionSource<EmbeddedRedisServer> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger = loggerFactory.CreateLogger<EmbeddedRedisHost>();
    private RedisConnection? _connection;

    public EmbeddedRedisServer? Server { get; private set; }

    public EndPoint? EndPoint => Server?.EndPoint;

    public void Attach(RedisConnection connection) => _connection = connection;

    public async Task<EndPoint> WaitForServerAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return (await _started.Task.WaitAsync(timeout, cancellationToken)).EndPoint;
        }
        catch (TimeoutException)
        {
            throw new RedisUnavailableException(
                $"The embedded Redis server has not started within {timeout.TotalSeconds:0.###} s (it starts with the host; was the host started?).");
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.UsesEmbeddedServer)
        {
            EmbeddedLog.NotNeeded(_logger, new Connection.RedisTarget(settings, null).Describe());
            return Task.CompletedTask;
        }

        try
        {
            Server = EmbeddedRedisServer.Start(settings, loggerFactory);
            _started.TrySetResult(Server);
        }
        catch (Exception error)
        {
            _started.TrySetException(error);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
