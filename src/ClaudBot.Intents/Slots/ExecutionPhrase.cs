namespace ClaudBot.Intents.Slots;

/// <summary>
/// How fills happen, as read from chat ("with zerodha delivery charges, 10 bps slippage, size 10%, a 5% stop"); a part not
/// said is null and takes the node's setting. <see cref="Costs"/> is a model's name as the node resolves it
/// (<c>zerodha-delivery</c>, <c>bps:5</c>).
/// </summary>
public sealed record ExecutionPhrase(string? Costs, double? SlippageBps, string? Size, bool? WholeShares)
{
    /// <summary>The stop, target and trail said, for every strategy of the request.</summary>
    public Engine.Simulation.ExitRules Exits { get; init; }
}
