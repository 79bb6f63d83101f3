using ClaudBot.Engine.Simulation;

namespace ClaudBot.Engine;

/// <summary>
/// A result set beside the market: <see cref="Benchmark"/> is buy and hold of the same symbol over the same range with the
/// same settings (costs, sizing); <see cref="ExcessReturn"/> is the strategy's total return minus the benchmark's.
/// <see cref="Beta"/> and <see cref="Alpha"/> are measured against the market index that <see cref="Index"/> names (an
/// imported NIFTY 50, or an equal-weight index of the constituents present); null where undefined (the index did not
/// move, fewer than two daily returns, or no index).
/// </summary>
public sealed record MarketComparison(BacktestMetrics Benchmark, double ExcessReturn, double? Beta, double? Alpha)
{
    /// <summary>What beta and alpha are against, as every output shows it, e.g. <c>NIFTY50 (imported)</c>; null with no index.</summary>
    public string? Index { get; init; }
}
