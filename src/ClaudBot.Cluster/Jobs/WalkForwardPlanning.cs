using System.Globalization;
using ClaudBot.Cluster.Results;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Cluster.Jobs;

/// <summary>What the planner checks and builds for a walk-forward job: its settings, windows, data coverage and lanes.</summary>
internal static class WalkForwardPlanning
{
    /// <summary>The most in-sample trades a pick may be asked to have; more is a typo, not a filter.</summary>
    public const int MaxMinTrades = 10_000;

    /// <summary>The settings as stored: the objective under its results name, the step made explicit.</summary>
    /// <exception cref="FormatException">An objective no ranking knows, or a trade count out of range.</exception>
    public static WalkForwardSettings Resolve(WalkForwardSettings asked)
    {
        var objective = RankedMetric.Find(asked.Objective)
            ?? throw new FormatException($"'{asked.Objective}' is not a metric a walk-forward can pick by; use one of {string.Join(", ", RankedMetric.All.Select(m => m.Name))}.");
        if (asked.MinTrades is < 0 or > MaxMinTrades)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The least in-sample trades of a pick must be 0 to {MaxMinTrades:N0}, not {asked.MinTrades}."));
        }

        return asked with { Objective = objective.Name, Step = asked.StepOrDefault() };
    }

    /// <exception cref="DateRangeException">The period makes no window, or too many, or the lengths cannot tile it.</exception>
    public static IReadOnlyList<WalkForwardWindow> Windows(DateOnly from, DateOnly to, WalkForwardSettings settings) =>
        WalkForwardWindows.Plan(from, to, settings.InSample, settings.OutOfSample, settings.StepOrDefault(), settings.Anchored);

    public static string TooLarge(int parameterSets, int symbols, int windows, int maxTasks) => string.Create(
        CultureInfo.InvariantCulture,
        $"The job has {(long)parameterSets * symbols * windows:N0} backtests ({parameterSets:N0} parameter sets x {symbols:N0} symbols x {windows:N0} windows); the limit is {maxTasks:N0} (Cluster:MaxTasks).");

    /// <summary>Refuses a symbol with no bar in some window's in-sample or out-of-sample part, saying which and where its data lies.</summary>
    /// <exception cref="DateRangeException">The first such part.</exception>
    public static void CheckCoverage(BarSeries bars, IReadOnlyList<WalkForwardWindow> windows)
    {
        foreach (var window in windows)
        {
            Check(bars, window, "in-sample", window.InFrom, window.InTo);
            Check(bars, window, "out-of-sample", window.OutFrom, window.OutTo);
        }
    }

    /// <summary>Lane L is symbol L / W over window L mod W's in-sample part, with the planner's fingerprint of the bars it reads.</summary>
    public static List<ChunkLane> Lanes(JobSpec spec, IReadOnlyList<BarSeries> bars, IReadOnlyList<WalkForwardWindow> windows)
    {
        var lanes = new List<ChunkLane>(spec.Symbols.Count * windows.Count);
        for (int s = 0; s < spec.Symbols.Count; s++)
        {
            lanes.AddRange(windows.Select(w => new ChunkLane(spec.Symbols[s], w.InFrom, w.InTo, DataFingerprint.OfBarsRead(bars[s], w.InFrom, w.InTo))));
        }

        return lanes;
    }

    private static void Check(BarSeries bars, WalkForwardWindow window, string part, DateOnly from, DateOnly to)
    {
        try
        {
            BarRange.Resolve(bars, from, to);
        }
        catch (DateRangeException)
        {
            throw new DateRangeException(string.Create(
                CultureInfo.InvariantCulture,
                $"{bars.Symbol} has no bars in window {window.Index + 1}'s {part} part ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}); its data covers {bars.FirstDate:yyyy-MM-dd} to {bars.LastDate:yyyy-MM-dd}: choose a period within it or leave {bars.Symbol} out."));
        }
    }
}
