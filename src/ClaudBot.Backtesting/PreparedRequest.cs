using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.MarketData;

namespace ClaudBot.Backtesting;

/// <summary>A request checked in full: its parameter sets, canonical symbols, settings, and notes for the user so far.</summary>
public sealed record PreparedRequest(StrategySelection Selection, IReadOnlyList<SymbolResolution> Symbols, SimulationSettings Settings, IReadOnlyList<string> Notes)
{
    /// <summary>The strategies as asked, with the request's exits written in (what a job records as its strategies).</summary>
    public string Strategies { get; init; } = string.Empty;
}
