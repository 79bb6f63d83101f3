using System.Threading.Channels;

namespace ClaudBot.Dashboard.Live;

/// <summary>
/// One WebSocket client's outgoing messages, bounded: when full, the oldest droppable message (progress,
/// superseded by a newer one) goes first, so a slow client loses detail, never blocks the hub or others.
/// </summary>
internal sealed class ClientQueue(int capacity)
{
    private readonly LinkedList<(byte[] Payload, bool Droppable)> _items = new();
    // A wake-up flag, not a count: the reader drains the list whenever it wakes.
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();

    /// <summary>Messages dropped because this client did not keep up.</summary>
    public int Dropped { get; private set; }

    public void Enqueue(byte[] payload, bool droppable)
    {
        lock (_gate)
        {
            if (_items.Count >= capacity)
            {
                var victim = _items.First;
                for (var node = _items.First; node is not null; node = node.Next)
                {
                    if (node.Value.Droppable)
                    {
                        victim = node;
                        break;
                    }
                }

                _items.Remove(victim!);
                Dropped++;
            }

            _items.AddLast((payload, droppable));
        }

        _signal.Writer.TryWrite(true);
    }

    public async Task<byte[]> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_items.First is { } first)
                {
                    _items.RemoveFirst();
                    return first.Value.Payload;
                }
            }

            await _signal.Reader.ReadAsync(cancellationToken);
        }
    }
}
