using System.Globalization;

namespace ClaudBot.Cluster.Platform;

/// <summary>
/// Linux: CPU and memory of the whole box from <c>/proc</c>. CPU is the busy share since the previous
/// reading, so a status request costs no waiting window; the first reading covers the time since boot.
/// </summary>
public sealed class LinuxSystemLoad : SystemLoad
{
    private readonly Lock _gate = new();
    private (double Idle, double Total) _previous;

    public override double CpuPercent()
    {
        var now = ReadCpu();
        (double Idle, double Total) before;
        lock (_gate)
        {
            before = _previous;
            _previous = now;
        }

        double total = now.Total - before.Total;
        if (total <= 0)
        {
            // Called again within one clock tick: no news, so report the average since boot.
            return Math.Round(100 * (1 - (now.Idle / now.Total)), 1);
        }

        return Math.Round(100 * (1 - ((now.Idle - before.Idle) / total)), 1);
    }

    /// <summary>Share of memory in use (total minus available), 0..100.</summary>
    public override double MemoryPercent()
    {
        double total = 0, available = 0;
        foreach (string line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                total = Kilobytes(line);
            }
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                available = Kilobytes(line);
            }
        }

        return total <= 0 ? 0 : Math.Round(100 * (1 - (available / total)), 1);
    }

    private static double Kilobytes(string line) =>
        double.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);

    private static (double Idle, double Total) ReadCpu()
    {
        // First line: "cpu user nice system idle iowait irq softirq steal ..."
        using var reader = new StreamReader("/proc/stat");
        var fields = (reader.ReadLine() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double idle = 0, total = 0;
        for (int i = 1; i < fields.Length; i++)
        {
            double value = double.Parse(fields[i], CultureInfo.InvariantCulture);
            total += value;
            if (i is 4 or 5)
            {
                idle += value;
            }
        }

        return (idle, total);
    }
}
