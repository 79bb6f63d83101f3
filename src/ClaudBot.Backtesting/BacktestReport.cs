using ClaudBot.Engine;

namespace ClaudBot.Backtesting;

/// <summary>The results of a request, strategy by strategy then symbol by symbol, and notes for the user.</summary>
/// <param name="Notes">Things the user should know: aliases followed, ranges clipped to the data, rows skipped, grid combinations dropped.</param>
public sealed record BacktestReport(IReadOnlyList<BacktestResult> Results, IReadOnlyList<string> Notes, double CostBps, double InitialCapital)
{
    /// <summary>What the results ran with (cost model, slippage, sizing, whole shares); null where a caller built the report by hand.</summary>
    public Engine.Simulation.SimulationSettings? Settings { get; init; }
}
