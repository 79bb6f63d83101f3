namespace ClaudBot.Cluster.Queue;

/// <summary>
/// How long to wait before the next try at a queue call that failed: <see cref="First"/>, doubling per failure up to
/// <see cref="Max"/>. No jitter: a handful of processes per cluster cannot stampede a server, and a fixed schedule
/// is one a test can step through on a fake clock.
/// </summary>
public readonly record struct Backoff(TimeSpan First, TimeSpan Max)
{
    /// <summary>
    /// Every reconnecting loop of the cluster (worker slots, leases, heartbeats, the driver's sweep and subscription):
    /// quick at first, so a blip costs a fraction of a second; at most 2 s apart, so a long outage is noticed
    /// ending within 2 s and never counts against a lease for long.
    /// </summary>
    public static readonly Backoff Queue = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row (1 for the first).</summary>
    public TimeSpan Delay(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        double factor = Math.Pow(2, Math.Min(failures - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(Max.Ticks, First.Ticks * factor));
    }

    /// <summary>Waits <see cref="Delay"/> on <paramref name="time"/>; false (never an exception) when cancelled first.</summary>
    public async Task<bool> WaitAsync(int failures, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Delay(failures), time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
