using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Cluster.WalkForward;

/// <summary>
/// One symbol's walk-forward from its windows' picks (docs/walk-forward.md): the out-of-sample segments stitched into
/// one account, the same with the default parameters, buy and hold over the same bars, and the efficiencies.
/// </summary>
internal sealed class WalkForwardAnalysis(Backtester backtester)
{
    /// <param name="picks">Per window, in order: the pick's grid index and in-sample figures, or none and why.</param>
    public SymbolWalkForward Analyse(BarSeries bars, IReadOnlyList<WalkForwardWindow> windows, IReadOnlyList<StrategyParameters> grid, IReadOnlyList<WindowPick> picks, SimulationSettings settings)
    {
        var outRanges = windows.Select(w => BarRange.Resolve(bars, w.OutFrom, w.OutTo)).ToArray();
        var stitched = OutOfSampleStitcher.Stitch(backtester, bars, [.. outRanges.Select((range, k) => new OutOfSampleSegment(range, picks[k].Index is { } i ? grid[i] : null))], settings);
        var defaults = Defaults(grid[0]);
        var defaultRun = defaults is null ? null : OutOfSampleStitcher.Stitch(backtester, bars, [.. outRanges.Select(range => new OutOfSampleSegment(range, defaults))], settings);
        var holdRange = BarRange.Resolve(bars, bars.DateAt(stitched.First), bars.DateAt(stitched.Last));
        var holdEquity = new double[holdRange.Count];
        var hold = backtester.RunMetrics(StrategyCatalog.BuyHold.Defaults, bars, holdRange, settings, holdEquity);

        var outcomes = new List<WindowOutcome>(windows.Count);
        for (int k = 0; k < windows.Count; k++)
        {
            var inRange = BarRange.Resolve(bars, windows[k].InFrom, windows[k].InTo);
            var pick = picks[k];
            var segment = stitched.Segments[k];
            outcomes.Add(new WindowOutcome(k, bars.DateAt(inRange.Start), bars.DateAt(inRange.End), bars.DateAt(outRanges[k].Start), bars.DateAt(outRanges[k].End), pick.Index, pick.Index is { } i ? grid[i].ToString() : null, pick.InSample, segment, Efficiency(segment?.Cagr, pick.InSample?.Cagr))
            {
                Note = pick.NoPickReason,
            });
        }

        var chosen = picks.Where(p => p.InSample is not null).ToList();
        double? meanInSampleCagr = chosen.Count == 0 ? null : chosen.Average(p => p.InSample!.Value.Cagr);
        var dates = Enumerable.Range(stitched.First, stitched.Last - stitched.First + 1).Select(bars.DateAt).ToArray();
        return new SymbolWalkForward(
            bars.Symbol,
            outcomes,
            dates,
            new CurveOutcome(stitched.Metrics, stitched.Equity),
            defaultRun is null ? null : new CurveOutcome(defaultRun.Metrics, defaultRun.Equity),
            new CurveOutcome(hold, holdEquity),
            Efficiency(stitched.Metrics.Cagr, meanInSampleCagr),
            chosen.Select(p => p.Index).Distinct().Count())
        {
            DefaultParameters = defaults?.ToString(),
        };
    }

    /// <summary>The strategy's default parameters with the grid's exits; none for a written rule.</summary>
    public static StrategyParameters? Defaults(StrategyParameters gridPoint) =>
        gridPoint.Rule is not null ? null
        : gridPoint.Exits.Any ? gridPoint.Definition.Defaults.WithExits(gridPoint.Exits)
        : gridPoint.Definition.Defaults;

    /// <summary>Out-of-sample CAGR over in-sample CAGR; none when the in-sample CAGR is not positive.</summary>
    public static double? Efficiency(double? outOfSample, double? inSample) =>
        outOfSample is { } o && inSample is { } i && i > 0 ? o / i : null;
}

/// <summary>A window's pick: its grid index and in-sample figures, or none and why.</summary>
internal sealed record WindowPick(int? Index, BacktestMetrics? InSample, string? NoPickReason);
