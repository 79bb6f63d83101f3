using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ClaudBot.Redis.Connection;

/// <summary>
/// Multiplexers for blocking commands, one per concurrent caller. A blocked command holds its whole
/// connection (Redis reads nothing more from it until the command returns), so two BLMOVEs sharing one
/// connection would run one after the other: rented connections keep each caller's wait its own.
/// </summary>
internal sealed class BlockingConnectionPool(Func<CancellationToken, Task<ConnectionMultiplexer>> connect) : IAsyncDisposable
{
    private const int MaxIdle = 16;
    private readonly ConcurrentQueue<ConnectionMultiplexer> _idle = new();
    private readonly ConcurrentDictionary<ConnectionMultiplexer, byte> _all = new();
    private volatile bool _disposed;

    public async Task<ConnectionMultiplexer> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_idle.TryDequeue(out var idle))
        {
            if (idle.IsConnected)
            {
                return idle;
            }

            await DiscardAsync(idle);
        }

        var created = await connect(cancellationToken);
        _all[created] = 0;
        if (_disposed)
        {
            await DiscardAsync(created);
            ObjectDisposedException.ThrowIf(true, this);
        }

        return created;
    }

    public async ValueTask ReturnAsync(ConnectionMultiplexer connection)
    {
        if (_disposed || !connection.IsConnected || _idle.Count >= MaxIdle)
        {
            await DiscardAsync(connection);
            return;
        }

        _idle.Enqueue(connection);
    }

    /// <summary>Drops a connection whose command is still pending (it timed out) or that is broken.</summary>
    public async ValueTask DiscardAsync(ConnectionMultiplexer connection)
    {
        _all.TryRemove(connection, out _);
        await connection.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var connection in _all.Keys)
        {
            await DiscardAsync(connection);
        }

        _idle.Clear();
    }
}
