using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine;

/// <summary>One strategy on one symbol over one range: its metrics, dated trades and optionally the daily equity.</summary>
public sealed record BacktestResult(
    StrategyParameters Strategy,
    string Symbol,
    BarRange Range,
    double CostBps,
    BacktestMetrics Metrics,
    IReadOnlyList<TradeResult> Trades,
    IReadOnlyList<double>? Equity)
{
    /// <summary>The benchmark, excess return, beta and alpha; null where the result was made without them (the engine alone).</summary>
    public MarketComparison? Market { get; init; }
}

/// <summary>A round trip with dates. <see cref="IsOpen"/>: still held at the end, marked to the last close.</summary>
public sealed record TradeResult(DateOnly EntryDate, double EntryPrice, DateOnly ExitDate, double ExitPrice, double Return, bool IsOpen);
