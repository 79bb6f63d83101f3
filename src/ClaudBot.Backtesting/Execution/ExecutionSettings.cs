using ClaudBot.Backtesting.Costs;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Backtesting.Execution;

/// <summary>
/// Turns what a request asks (its <see cref="ExecutionChoice"/>, an older <c>cost_bps</c>, a capital) and the settings into
/// the <see cref="SimulationSettings"/> the engine runs with, refusing bad values and combinations in one line before
/// anything runs. <c>bps:N</c> stays today's model exactly: <see cref="SimulationSettings.CostBps"/> = N and no
/// <see cref="SimulationSettings.Costs"/>; a file model is carried whole (its components), so a worker on another machine
/// charges what the planner resolved.
/// </summary>
public static class ExecutionSettings
{
    public static SimulationSettings Build(BacktestOptions options, CostModels models, ExecutionChoice? choice, double? costBps, double? initialCapital)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(models);
        choice ??= ExecutionChoice.Default;
        if (costBps is not null && choice.Costs is not null)
        {
            throw new CostModelException("give a cost model (costs) or a cost in basis points (cost_bps), not both.");
        }

        // A request's cost_bps is bps:N; else the request's model, else Backtest:Costs, else bps:Backtest:CostBps.
        string? name = choice.Costs ?? (string.IsNullOrWhiteSpace(options.Costs) ? null : options.Costs);
        double? bps = costBps ?? (name is null ? options.CostBps : CostModels.BpsOf(name));
        var model = bps is null ? choice.Model ?? models.Resolve(name!) : null;
        double capital = initialCapital ?? options.InitialCapital;
        var settings = new SimulationSettings(bps ?? 0, capital)
        {
            Costs = model,
            SlippageBps = choice.SlippageBps ?? options.SlippageBps,
            Sizing = SizingText.Parse(choice.Size ?? options.Sizing),
            WholeShares = choice.WholeShares ?? options.WholeShares ?? model?.WholeSharesByDefault ?? false,
        };
        // The engine's own checks: cost, capital, slippage, a size above the capital, exits.
        settings.Validate();
        return settings;
    }

    /// <summary>The configured model's name: <c>Backtest:Costs</c>, or <c>bps:</c> of <c>Backtest:CostBps</c> when it is unset.</summary>
    public static string DefaultCosts(BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Costs) ? CostModel.Bps(options.CostBps).Name : options.Costs;
    }

    /// <summary>The model's name as results show it: the file's name, or <c>bps:N</c>.</summary>
    public static string CostsName(SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Costs?.Name ?? CostModel.Bps(settings.CostBps).Name;
    }
}
