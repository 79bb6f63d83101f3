using System.Globalization;

namespace ClaudBot.Node.Daemon;

/// <summary>CPU and memory use of the whole box, from <c>/proc</c>.</summary>
internal static class SystemLoad
{
    /// <summary>Busy share of all cores over <paramref name="window"/>, 0..100.</summary>
    public static async Task<double> CpuPercentAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var (idle1, total1) = ReadCpu();
        await Task.Delay(window, cancellationToken);
        var (idle2, total2) = ReadCpu();
        double total = total2 - total1;
        return total <= 0 ? 0 : Math.Round(100 * (1 - ((idle2 - idle1) / total)), 1);
    }

    /// <summary>Share of memory in use (total minus available), 0..100.</summary>
    public static double MemoryPercent()
    {
        var values = File.ReadLines("/proc/meminfo")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        return Math.Round(100 * (1 - (values["MemAvailable"] / values["MemTotal"])), 1);
    }

    private static (double Idle, double Total) ReadCpu()
    {
        // First line: "cpu user nice system idle iowait irq softirq steal ..."
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[3] + fields[4], fields.Sum());
    }
}
