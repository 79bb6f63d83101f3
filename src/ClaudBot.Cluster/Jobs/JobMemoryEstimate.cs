using System.Globalization;

namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// What a job costs the node's memory while it runs. Results no longer pile up: chunks are filed into the job's rows file
/// as they land (a few hundred chunks wait at most), so what grows with a job is small per backtest (the driver's
/// seen-bit and surface entry, a chunk's payload and marks in the queue server) and larger per parameter set (its text
/// in the queue server's blocks, its parsed form and summary cells in the driver's fold). Measured with
/// <c>claudbot-node bench --sweep 1m|10m</c>; the figures here are rounded up from those runs (see the README's Speed).
/// </summary>
public static class JobMemoryEstimate
{
    /// <summary>
    /// Per backtest, whatever its range or trades. Measured (December 2026, 2-core machine): the driver with its embedded
    /// queue server peaked at 333-343 MB for 980,000 backtests of 20,000 parameter sets and at 746 MB for 9,800,000 of
    /// 200,000, about 46 bytes a backtest between the two (parameter sets included).
    /// </summary>
    public const long BytesPerTask = 48;

    /// <summary>Per distinct parameter set, whatever the number of symbols.</summary>
    public const long BytesPerParameterSet = 1024;

    /// <summary>Bytes for <paramref name="tasks"/> backtests of <paramref name="parameterSets"/> parameter sets.</summary>
    public static long Of(long tasks, long parameterSets) => (tasks * BytesPerTask) + (parameterSets * BytesPerParameterSet);

    /// <summary>The budget: <see cref="ClusterOptions.MaxJobMemoryMb"/>, or half of the memory this process can see (a container's limit included).</summary>
    public static long BudgetBytes(ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxJobMemoryMb is { } mb ? mb * 1024L * 1024L : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;
    }

    /// <summary>The refusal, in one line, when <paramref name="estimate"/> is over <paramref name="budget"/>; null when it fits.</summary>
    public static string? Refusal(long estimate, long budget, long tasks)
    {
        if (estimate <= budget)
        {
            return null;
        }

        long perTask = Math.Max(1, estimate / Math.Max(1, tasks));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"The job would take about {Size(estimate)} of the node's memory while it runs ({tasks:N0} backtests); the node allows {Size(budget)} ({ClusterOptions.Section}:{nameof(ClusterOptions.MaxJobMemoryMb)}). Ask for fewer parameter sets or symbols (about {budget / perTask:N0} backtests like these fit), or raise the setting.");
    }

    private static string Size(long bytes) =>
        bytes >= 1L << 30
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MB");
}
