using System.Globalization;
using ClaudBot.Redis.Connection;
using ClaudBot.Redis.Embedded;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClaudBot.Redis;

/// <summary>
/// The cluster's one Redis client, whichever server is behind it (the embedded one or a configured
/// Redis 7). It connects on first use (or <see cref="ConnectAsync"/>), within
/// <see cref="RedisOptions.ConnectTimeout"/> or with a <see cref="RedisUnavailableException"/>, and
/// reconnects by itself after that. Blocking commands get connections of their own.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    /// <summary>The longest wait <see cref="BlockingMoveAsync"/> accepts.</summary>
    public static readonly TimeSpan MaxBlockingTimeout = TimeSpan.FromMinutes(5);

    // How much longer than its own timeout a blocking command may take to answer before it counts as lost.
    private static readonly TimeSpan BlockingGrace = TimeSpan.FromSeconds(5);
    private static readonly HashSet<string> SubscribeCommands = ["SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE"];
    private readonly RedisTarget _target;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly BlockingConnectionPool _blocking;
    private volatile ConnectionMultiplexer? _main;
    private volatile bool _disposed;

    /// <summary>A connection to the configured Redis or to the embedded server another process on this box runs.</summary>
    public RedisConnection(IOptions<RedisOptions> options, TimeProvider? time = null, ILogger<RedisConnection>? logger = null)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), null, time, logger)
    {
    }

    internal RedisConnection(RedisOptions options, IEmbeddedServerHost? host, TimeProvider? time, ILogger? logger)
    {
        _target = new RedisTarget(options, host);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _blocking = new BlockingConnectionPool(ConnectBlockingAsync);
        host?.Attach(this);
    }

    /// <summary>True when this is the embedded server (no connection string), hosted here or by another process.</summary>
    public bool IsEmbedded => _target.IsEmbedded;

    /// <summary>Commands (the first use connects, waiting at most the connect timeout).</summary>
    public IDatabase Database => Main().GetDatabase();

    /// <summary>Pub/sub (the first use connects, waiting at most the connect timeout).</summary>
    public ISubscriber Subscriber => Main().GetSubscriber();

    /// <summary>Where the server is, e.g. "10.0.0.5:6379" or "127.0.0.1:6399 (embedded)"; never a password.</summary>
    public string DescribeEndpoint() => IsEmbedded ? _target.Describe() + " (embedded)" : _target.Describe();

    /// <summary>Connects now rather than on first use; throws <see cref="RedisUnavailableException"/> if it cannot.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_main is not null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _main ??= Watch(await RedisConnector.ConnectAsync(await _target.ResolveAsync(cancellationToken), DescribeEndpoint(), _target.ConnectTimeout));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// <c>BLMOVE source destination LEFT RIGHT timeout</c>: waits up to <paramref name="timeout"/> for an
    /// element, moves the head of <paramref name="source"/> to the tail of <paramref name="destination"/>
    /// atomically and returns it, or returns <see cref="RedisValue.Null"/> if none came. Cancellation is
    /// seen when the wait ends (so within <paramref name="timeout"/>); an element moved by then is still
    /// returned, never dropped, and only an empty wait throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<RedisValue> BlockingMoveAsync(RedisKey source, RedisKey destination, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.FromMilliseconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timeout, MaxBlockingTimeout);
        cancellationToken.ThrowIfCancellationRequested();

        // Seconds as a decimal (Redis 6+): a rounded-down "0" would block forever.
        string seconds = (Math.Ceiling(timeout.TotalMilliseconds) / 1000).ToString("0.###", CultureInfo.InvariantCulture);
        var connection = await _blocking.RentAsync(cancellationToken);
        RedisResult result;
        try
        {
            result = await connection.GetDatabase()
                .ExecuteAsync("BLMOVE", [source, destination, "LEFT", "RIGHT", seconds])
                .WaitAsync(timeout + BlockingGrace, _time, CancellationToken.None);
        }
        catch (Exception error)
        {
            // The command may still be pending on that connection: never hand it out again.
            await _blocking.DiscardAsync(connection);
            if (error is TimeoutException)
            {
                throw new TimeoutException($"Redis at {DescribeEndpoint()} did not answer BLMOVE within {timeout + BlockingGrace}.", error);
            }

            throw;
        }

        await _blocking.ReturnAsync(connection);
        if (result.IsNull)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return RedisValue.Null;
        }

        return (RedisValue)result;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _blocking.DisposeAsync();
        var main = _main;
        _main = null;
        if (main is not null)
        {
            await main.DisposeAsync();
        }
    }

    private ConnectionMultiplexer Main()
    {
        var main = _main;
        if (main is not null)
        {
            return main;
        }

        _gate.Wait();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Sync over async only to resolve the endpoint on first use (reading a file or awaiting the hosted server).
            return _main ??= Watch(RedisConnector.Connect(_target.ResolveAsync(CancellationToken.None).GetAwaiter().GetResult(), DescribeEndpoint(), _target.ConnectTimeout));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ConnectionMultiplexer> ConnectBlockingAsync(CancellationToken cancellationToken)
    {
        var config = await _target.ResolveAsync(cancellationToken);
        config.ClientName = "claudbot-blocking";

        // A blocking command answers only when its own timeout ends, so the client must wait longer than that.
        config.SyncTimeout = config.AsyncTimeout = (int)(MaxBlockingTimeout + BlockingGrace).TotalMilliseconds;

        // No pub/sub here, so no second (subscription) socket per blocking connection.
        config.CommandMap = CommandMap.Create(SubscribeCommands, available: false);
        return await RedisConnector.ConnectAsync(config, DescribeEndpoint(), _target.ConnectTimeout);
    }

    private ConnectionMultiplexer Watch(ConnectionMultiplexer connection)
    {
        string endpoint = DescribeEndpoint();
        connection.ConnectionFailed += (_, e) => Log.ConnectionLost(_logger, endpoint, e.FailureType.ToString());
        connection.ConnectionRestored += (_, _) => Log.ConnectionRestored(_logger, endpoint);
        Log.Connected(_logger, endpoint);
        return connection;
    }
}
