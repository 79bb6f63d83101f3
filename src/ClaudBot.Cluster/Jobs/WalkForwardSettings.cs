using System.Globalization;
using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// A walk-forward as asked (docs/walk-forward.md): in-sample and out-of-sample lengths, the step between windows
/// (the out-of-sample length when absent), rolling or anchored windows, the objective a window's pick is ranked by and
/// the least in-sample trades a pick needs.
/// </summary>
public sealed record WalkForwardSettings(PeriodLength InSample, PeriodLength OutOfSample)
{
    /// <summary>Enough trades that one lucky trade cannot win a window.</summary>
    public const int DefaultMinTrades = 5;

    public PeriodLength? Step { get; init; }

    public bool Anchored { get; init; }

    /// <summary>A metric as results name it (<see cref="Results.RankedMetric"/>).</summary>
    public string Objective { get; init; } = "sharpe";

    public int MinTrades { get; init; } = DefaultMinTrades;

    /// <summary>The step, the out-of-sample length when none was given.</summary>
    public PeriodLength StepOrDefault() => Step ?? OutOfSample;

    /// <summary>"2 years in, 6 months out every 6 months, rolling, picked by sharpe with at least 5 trades".</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{InSample} in, {OutOfSample} out every {StepOrDefault()}, {(Anchored ? "anchored" : "rolling")}, picked by {Objective} with at least {MinTrades} trade{(MinTrades == 1 ? string.Empty : "s")}");
}
