using System.Diagnostics;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// This process's CPU (share of the whole box since the previous sample, 0..100) and resident memory, for its heartbeat.
/// Portable: the runtime reads them from <c>/proc</c> on Linux and from the kernel's task info on macOS.
/// </summary>
internal sealed class ProcessUsage(TimeProvider time)
{
    private long _lastTimestamp = time.GetTimestamp();
    private TimeSpan _lastCpu = CpuTime();

    /// <summary>CPU since the previous call (the first: since this sampler was made) and the resident set in bytes.</summary>
    public (double CpuPercent, long RssBytes) Sample()
    {
        long now = time.GetTimestamp();
        var cpu = CpuTime();
        double wall = time.GetElapsedTime(_lastTimestamp, now).TotalSeconds;
        double used = (cpu - _lastCpu).TotalSeconds;
        _lastTimestamp = now;
        _lastCpu = cpu;
        double percent = wall <= 0 ? 0 : Math.Clamp(100 * used / (wall * Environment.ProcessorCount), 0, 100);
        return (Math.Round(percent, 1), Environment.WorkingSet);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
