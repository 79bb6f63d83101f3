namespace ClaudBot.Bench;

/// <summary>Samples the process's working set and the GC heap size on a timer and keeps the peaks, for a bench's memory figure.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peakWorkingSet;
    private long _peakHeap;

    public MemorySampler(TimeSpan every)
    {
        Sample(null);
        _timer = new Timer(Sample, null, every, every);
    }

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public long PeakHeap => Interlocked.Read(ref _peakHeap);

    public void Stop()
    {
        _timer.Change(Timeout.Infinite, Timeout.Infinite);
        Sample(null);
    }

    public void Dispose() => _timer.Dispose();

    private void Sample(object? state)
    {
        Raise(ref _peakWorkingSet, Environment.WorkingSet);
        Raise(ref _peakHeap, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
    }

    private static void Raise(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }
}
