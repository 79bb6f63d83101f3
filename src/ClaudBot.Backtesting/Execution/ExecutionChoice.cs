namespace ClaudBot.Backtesting.Execution;

/// <summary>
/// How fills happen, as a user asks for it (every channel: CLI, job spec, API, chat); null takes the configured default
/// (<c>Backtest:Costs</c>, <c>Backtest:SlippageBps</c>, <c>Backtest:Sizing</c>, <c>Backtest:WholeShares</c>).
/// </summary>
/// <param name="Costs">A cost model's name: <c>bps:N</c>, <c>zerodha-delivery</c>, <c>zerodha-intraday</c> or a user's file.</param>
/// <param name="SlippageBps">Buys fill at open x (1 + s), sells at open x (1 - s), in basis points.</param>
/// <param name="Size"><c>all</c>, <c>pct:P</c> or <c>amount:A</c> (see <see cref="SizingText"/>).</param>
/// <param name="WholeShares">Whole shares only; null takes the setting, then the cost model's default.</param>
public sealed record ExecutionChoice(string? Costs = null, double? SlippageBps = null, string? Size = null, bool? WholeShares = null)
{
    /// <summary>
    /// A stop, target or trail for every strategy of the request (the API's <c>stop</c>, chat's "with a 5% stop"): written
    /// into the strategies' text before they are parsed (<see cref="Engine.Strategies.Parsing.RequestExits"/>).
    /// </summary>
    public Engine.Simulation.ExitRules Exits { get; init; }

    /// <summary>
    /// The model's components as recorded when a job was planned: a rerun of one of its results (a chart) charges exactly
    /// these, whatever model files the node has now. Null resolves <see cref="Costs"/> by name.
    /// </summary>
    public Engine.Simulation.CostModel? Model { get; init; }

    /// <summary>Everything from the settings.</summary>
    public static ExecutionChoice Default { get; } = new();
}
