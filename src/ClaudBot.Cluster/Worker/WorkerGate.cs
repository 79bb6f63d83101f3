namespace ClaudBot.Cluster.Worker;

/// <summary>
/// Whether this worker's slots may take chunks: closed while its box is refused (<see cref="Refused"/>) or drained.
/// Set by the heartbeat round, read by each slot before it asks the queue. A slot counts itself as taking before it
/// looks at the gate, and the round closes the gate before it counts takers, so a round that finds none taking and
/// none busy knows no chunk can still arrive: that is when a draining worker may say <see cref="DrainState.Drained"/>.
/// </summary>
internal sealed class WorkerGate
{
    private string? _refused;
    private int _draining;
    private int _taking;

    /// <summary>The one-line reason this box takes no work, or null.</summary>
    public string? Refused => Volatile.Read(ref _refused);

    public bool Draining => Volatile.Read(ref _draining) != 0;

    public bool Open => Refused is null && !Draining;

    /// <summary>Whether a slot is between <see cref="TryEnterTake"/> and <see cref="ExitTake"/>.</summary>
    public bool Taking => Interlocked.CompareExchange(ref _taking, 0, 0) != 0;

    public void Set(string? refused, bool draining)
    {
        Interlocked.Exchange(ref _refused, refused);
        Interlocked.Exchange(ref _draining, draining ? 1 : 0);
    }

    /// <summary>A slot about to ask the queue for a chunk: false (and not counted) while the gate is closed.</summary>
    public bool TryEnterTake()
    {
        Interlocked.Increment(ref _taking);
        if (Open)
        {
            return true;
        }

        Interlocked.Decrement(ref _taking);
        return false;
    }

    /// <summary>The slot's take is over: it got nothing, or counts the chunk it got as busy already.</summary>
    public void ExitTake() => Interlocked.Decrement(ref _taking);
}
