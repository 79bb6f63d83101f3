using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine.WalkForward;

/// <summary>
/// Out-of-sample segments traded one after another as one account (<see cref="OutOfSampleStitcher"/>): the curve's
/// metrics, one equity point per bar of <c>[First, Last]</c>, every segment's trades by bar index (window-end sales
/// included), and each segment's own metrics (null for a segment held in cash).
/// </summary>
public sealed record StitchedRun(BacktestMetrics Metrics, int First, int Last, double[] Equity, Trade[] Trades, IReadOnlyList<BacktestMetrics?> Segments);
