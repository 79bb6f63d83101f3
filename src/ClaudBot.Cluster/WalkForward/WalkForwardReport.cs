using ClaudBot.Cluster.Jobs;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Cluster.WalkForward;

/// <summary>
/// A walk-forward job's outcome (docs/walk-forward.md), as <c>results/job_&lt;id&gt;.walkforward.json</c> holds it: per
/// symbol the windows' picks with in-sample and out-of-sample figures, the stitched out-of-sample curve, the same with
/// the strategy's default parameters, buy and hold, and the walk-forward efficiency.
/// </summary>
public sealed record WalkForwardReport(string JobId, string Strategies, WalkForwardSettings Settings, IReadOnlyList<WalkForwardWindow> Windows, IReadOnlyList<SymbolWalkForward> Symbols)
{
    /// <summary>The median of the symbols' efficiencies that have one; null when none does.</summary>
    public double? MedianEfficiency { get; init; }
}

/// <summary>One symbol's walk-forward. <see cref="Dates"/> are the out-of-sample bars every curve has a point for.</summary>
public sealed record SymbolWalkForward(
    string Symbol,
    IReadOnlyList<WindowOutcome> Windows,
    DateOnly[] Dates,
    CurveOutcome Stitched,
    CurveOutcome? Defaults,
    CurveOutcome BuyHold,
    double? Efficiency,
    int DistinctPicks)
{
    /// <summary>The default parameter set the comparison ran (null for a written rule, which has none).</summary>
    public string? DefaultParameters { get; init; }
}

/// <summary>
/// One window of one symbol: the bars its parts used, the pick (its grid index and text; null when none qualified,
/// with <see cref="Note"/> saying why), the pick's in-sample figures, the out-of-sample segment's own figures and the
/// window's efficiency (segment CAGR / in-sample CAGR; null when the in-sample CAGR is not positive).
/// </summary>
public sealed record WindowOutcome(int Index, DateOnly InFirst, DateOnly InLast, DateOnly OutFirst, DateOnly OutLast, int? Pick, string? Parameters, BacktestMetrics? InSample, BacktestMetrics? OutOfSample, double? Efficiency)
{
    public string? Note { get; init; }
}

/// <summary>A curve over the out-of-sample bars and its metrics.</summary>
public sealed record CurveOutcome(BacktestMetrics Metrics, double[] Equity);
