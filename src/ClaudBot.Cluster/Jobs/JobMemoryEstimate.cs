using System.Globalization;

namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// What a job's results cost in memory while it runs: until the job finishes, the queue server holds every chunk's
/// results (JSON, trades included) in memory, and the embedded server lives in the driver. The figures bound the
/// most trade-heavy grid measured (rsi(period=2..11, lower=40..49, upper=51..60) on 49 symbols x 1,221 bars: 73
/// trades per backtest on average, 12.1 KB of results each, 46.5 KB of driver memory each at its peak); a grid that
/// trades less costs less (rsi's default bands: 5.1 KB each). Those figures were measured while results carried their
/// trades; they no longer do (0.9 KB a backtest), so the estimate now errs high and refuses some jobs that would fit, until
/// the sweeps issue's compact results replace it.
/// </summary>
public static class JobMemoryEstimate
{
    /// <summary>Per backtest, whatever its length: its parameters, metrics and the hash entry.</summary>
    public const long BytesPerTask = 2_048;

    /// <summary>Per backtest and bar of its range: room for the trades such a range can hold, as stored and in the queue server.</summary>
    public const long BytesPerBar = 38;

    /// <summary>Bytes for <paramref name="parameterSets"/> backtests on each symbol's range of <paramref name="barsPerSymbol"/> bars.</summary>
    public static long Of(int parameterSets, IEnumerable<int> barsPerSymbol)
    {
        ArgumentNullException.ThrowIfNull(barsPerSymbol);
        return barsPerSymbol.Sum(bars => parameterSets * (BytesPerTask + (BytesPerBar * bars)));
    }

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
            $"The job would hold about {Size(estimate)} of results in the node while it runs ({tasks:N0} backtests); the node allows {Size(budget)} ({ClusterOptions.Section}:{nameof(ClusterOptions.MaxJobMemoryMb)}). Ask for fewer parameter sets, symbols or years (about {budget / perTask:N0} backtests of this length fit), or raise the setting.");
    }

    private static string Size(long bytes) =>
        bytes >= 1L << 30
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MB");
}
