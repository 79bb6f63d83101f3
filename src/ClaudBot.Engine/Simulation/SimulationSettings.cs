namespace ClaudBot.Engine.Simulation;

/// <summary>Costs and capital of a simulation. Cost is charged on each side, in basis points of the traded value.</summary>
public sealed record SimulationSettings(double CostBps = 0, double InitialCapital = SimulationSettings.DefaultCapital)
{
    public const double DefaultCapital = 1_000_000;

    /// <summary>Cost per side as a fraction (10 bps = 0.001).</summary>
    public double CostRate => CostBps / 10_000;

    /// <summary>The charges per fill; null means <see cref="CostModel.Bps"/> of <see cref="CostBps"/> (today's model).</summary>
    public CostModel? Costs { get; init; }

    /// <summary>Buys fill at open x (1 + s), sells at open x (1 - s), before charges; in basis points.</summary>
    public double SlippageBps { get; init; }

    public PositionSizing Sizing { get; init; } = PositionSizing.All;

    /// <summary>Whole shares only; null takes the cost model's default (on for the Zerodha models, off for bps:N).</summary>
    public bool? WholeShares { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> with a readable reason when a setting is out of range.</summary>
    public void Validate()
    {
        if (!(CostBps >= 0 && CostBps < 10_000))
        {
            throw new ArgumentOutOfRangeException(nameof(CostBps), CostBps, "Cost must be at least 0 and below 10000 basis points per side.");
        }

        if (!(InitialCapital > 0 && double.IsFinite(InitialCapital)))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialCapital), InitialCapital, "Initial capital must be a positive number.");
        }
    }
}
