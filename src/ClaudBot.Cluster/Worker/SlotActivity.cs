namespace ClaudBot.Cluster.Worker;

/// <summary>
/// The worker's slots as its heartbeat reports them: how many loops run, how many run a chunk, and when one last got
/// an answer from the queue. Thread-safe; slots write it, the heartbeat reads it.
/// </summary>
internal sealed class SlotActivity(TimeProvider time)
{
    private int _live;
    private int _busy;
    private long _lastActivityTicks = time.GetUtcNow().UtcTicks;

    public int Live => Volatile.Read(ref _live);

    public int Busy => Volatile.Read(ref _busy);

    public DateTimeOffset LastActivityAt => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    public void SlotStarted() => Interlocked.Increment(ref _live);

    public void SlotEnded() => Interlocked.Decrement(ref _live);

    public void ChunkStarted() => Interlocked.Increment(ref _busy);

    public void ChunkEnded() => Interlocked.Decrement(ref _busy);

    /// <summary>A slot got an answer from the queue (a chunk, or an empty wait).</summary>
    public void Touch() => Interlocked.Exchange(ref _lastActivityTicks, time.GetUtcNow().UtcTicks);
}
