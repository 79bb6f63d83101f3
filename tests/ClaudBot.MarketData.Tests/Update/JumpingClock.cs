namespace ClaudBot.MarketData.Tests.Update;

/// <summary>
/// A clock that stands still until someone waits on it, then jumps ahead by the wait at once (the timer fires after a
/// millisecond of real time) and records it: retries and pauses between requests take no real time, and a test sees
/// exactly how long each would have been.
/// </summary>
internal sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private long _elapsedTicks;

    /// <summary>Every wait asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => start + TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _waits.Add(dueTime);
                _elapsedTicks += dueTime.Ticks;
            }

            dueTime = TimeSpan.FromMilliseconds(1);
        }

        return System.CreateTimer(callback, state, dueTime, period);
    }
}
