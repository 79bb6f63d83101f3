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
    /// <summary>How it executed (charges, slippage, sizing, whole shares, exits); null where a caller did not say.</summary>
    public SimulationSettings? Settings { get; init; }

    /// <summary>What a reader should know about this run, e.g. entries skipped because they bought zero whole shares.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The benchmark, excess return, beta and alpha; null where the result was made without them (the engine alone).</summary>
    public MarketComparison? Market { get; init; }
}

/// <summary>A round trip with dates. <see cref="IsOpen"/>: still held at the end, marked to the last close.</summary>
public sealed record TradeResult(DateOnly EntryDate, double EntryPrice, DateOnly ExitDate, double ExitPrice, double Return, bool IsOpen)
{
    /// <summary>Charges of the buy and the sell, in rupees (the buy's alone while open).</summary>
    public double Fees { get; init; }

    public double Shares { get; init; }

    public ExitReason Reason { get; init; }
}
