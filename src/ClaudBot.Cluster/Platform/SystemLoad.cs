namespace ClaudBot.Cluster.Platform;

/// <summary>
/// CPU and memory use of the whole box, for status blocks. Each platform reads them its own way
/// (<see cref="ForThisPlatform"/>); nothing is read until the first call, so composing a client on any
/// platform touches no OS-specific file.
/// </summary>
public abstract class SystemLoad
{
    /// <summary>The implementation for the running OS: Linux's <c>/proc</c>, macOS's load average and sysctl, else nothing.</summary>
    public static SystemLoad ForThisPlatform() =>
        OperatingSystem.IsLinux() ? new LinuxSystemLoad()
        : OperatingSystem.IsMacOS() ? new MacSystemLoad()
        : new UnknownSystemLoad();

    /// <summary>Busy share of all cores since the previous call (the first call: a platform-defined longer window), 0..100.</summary>
    public abstract double CpuPercent();

    /// <summary>Share of memory in use, 0..100.</summary>
    public abstract double MemoryPercent();

    /// <summary>Busy share of all cores over <paramref name="window"/>, 0..100 (a fresh sample for one-off commands).</summary>
    public async Task<double> CpuPercentAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        CpuPercent();
        await Task.Delay(window, cancellationToken).ConfigureAwait(false);
        return CpuPercent();
    }

    /// <summary>A platform with no reader: zeros rather than a crash.</summary>
    private sealed class UnknownSystemLoad : SystemLoad
    {
        public override double CpuPercent() => 0;

        public override double MemoryPercent() => 0;
    }
}
