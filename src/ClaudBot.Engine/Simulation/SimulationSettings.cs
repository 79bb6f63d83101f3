using System.Globalization;

namespace ClaudBot.Engine.Simulation;

/// <summary>
/// How a simulation executes: capital, charges (<see cref="Costs"/>, or <see cref="CostBps"/> on each side), slippage,
/// sizing and whole shares (exits belong to the strategy:
/// <see cref="Strategies.StrategyParameters.Exits"/>). <see cref="Validate"/> refuses a bad combination with one line before anything runs.
/// </summary>
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

    /// <summary>The charges that apply: <see cref="Costs"/>, or <see cref="CostBps"/> as a bps:N model.</summary>
    public CostModel EffectiveCosts => Costs ?? CostModel.Bps(CostBps);

    /// <summary>Whether only whole shares are bought: <see cref="WholeShares"/>, else the cost model's default.</summary>
    public bool EffectiveWholeShares => WholeShares ?? Costs?.WholeSharesByDefault ?? false;

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

        if (!(SlippageBps >= 0 && SlippageBps < 10_000))
        {
            throw new ArgumentOutOfRangeException(nameof(SlippageBps), SlippageBps, "Slippage must be at least 0 and below 10000 basis points.");
        }

        ValidateSizing();
    }

    // Messages are formatted only when refusing: Validate runs before every backtest of a sweep.
    private void ValidateSizing()
    {
        double value = Sizing.Value;
        if (Sizing.Kind == SizingKind.Percent && !(value > 0 && value <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(Sizing), value, $"A size of {Shown(value)}% of equity must be above 0% and at most 100%.");
        }

        if (Sizing.Kind == SizingKind.Amount && !(value > 0 && value <= InitialCapital))
        {
            string capital = InitialCapital.ToString("0.##", CultureInfo.InvariantCulture);
            throw new ArgumentOutOfRangeException(nameof(Sizing), value, $"A size of Rs {Shown(value)} must be above 0 and at most the initial capital (Rs {capital}).");
        }
    }

    private static string Shown(double value) => value.ToString("0.########", CultureInfo.InvariantCulture);
}
