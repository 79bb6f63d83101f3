using System.Runtime.InteropServices;

namespace ClaudBot.Cluster.Platform;

/// <summary>
/// macOS: CPU from the one-minute load average over the core count (macOS has no <c>/proc/stat</c>; the load
/// average is the portable approximation), memory from sysctl (<c>hw.memsize</c>, free pages). Never run on a
/// Mac here: the load average part runs on Linux in tests, the sysctl part only on macOS.
/// </summary>
public sealed partial class MacSystemLoad : SystemLoad
{
    public override double CpuPercent()
    {
        var averages = new double[1];
        return GetLoadAverage(averages, 1) == 1 ? Math.Round(Math.Clamp(100 * averages[0] / Environment.ProcessorCount, 0, 100), 1) : 0;
    }

    public override double MemoryPercent()
    {
        if (!OperatingSystem.IsMacOS() || !TryRead("hw.memsize", out long total) || !TryRead("vm.page_free_count", out long freePages) || !TryRead("hw.pagesize", out long pageSize) || total <= 0)
        {
            return 0;
        }

        return Math.Round(100 * (1 - ((double)freePages * pageSize / total)), 1);
    }

    private static bool TryRead(string name, out long value)
    {
        long buffer = 0;
        nint size = sizeof(long);
        int result = SysCtlByName(name, ref buffer, ref size, 0, 0);

        // Some keys are 32-bit; the low half holds the value on little-endian Macs either way.
        value = size == sizeof(int) ? (int)buffer : buffer;
        return result == 0;
    }

    [LibraryImport("libc", EntryPoint = "getloadavg")]
    private static partial int GetLoadAverage([Out] double[] averages, int count);

    [LibraryImport("libc", EntryPoint = "sysctlbyname", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SysCtlByName(string name, ref long value, ref nint size, nint newValue, nint newSize);
}
