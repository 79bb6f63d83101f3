namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// A validated job as stored: strategies as typed (grids included), canonical symbols, the period,
/// the cost, and who asked and when; with the capital, the data's fingerprint and the engine's version that
/// decide its numbers (absent in jobs queued before they were recorded).
/// </summary>
public sealed record JobSpec(
    string Strategies,
    IReadOnlyList<string> Symbols,
    DateOnly From,
    DateOnly To,
    double CostBps,
    string SubmittedBy,
    DateTimeOffset SubmittedAt)
{
    /// <summary>Starting equity of every backtest, in rupees.</summary>
    public double? InitialCapital { get; init; }

    /// <summary>The bars the job ran on (<see cref="Jobs.DataFingerprint"/>).</summary>
    public string? DataFingerprint { get; init; }

    /// <summary>
    /// Per symbol, the fingerprint of the bars its backtests read (<see cref="Jobs.DataFingerprint.OfBarsRead"/>): what a worker
    /// checks its own data against before running a chunk. Absent in jobs queued before it was recorded.
    /// </summary>
    public IReadOnlyDictionary<string, string>? DataFingerprints { get; init; }

    /// <summary>The engine that planned it (<see cref="Jobs.EngineVersion"/>).</summary>
    public string? EngineVersion { get; init; }

    /// <summary>The cost model's name (<c>bps:N</c>, <c>zerodha-delivery</c>, ...); absent in jobs queued before cost models.</summary>
    public string? Costs { get; init; }

    /// <summary>The model's components as the planner resolved them (null for <c>bps:N</c>, which <see cref="CostBps"/> gives).</summary>
    public Engine.Simulation.CostModel? CostModel { get; init; }

    public double? SlippageBps { get; init; }

    /// <summary><c>all</c>, <c>pct:P</c> or <c>amount:A</c>.</summary>
    public string? Size { get; init; }

    /// <summary>Whole shares only, the model's default made explicit.</summary>
    public bool? WholeShares { get; init; }

    /// <summary>Set for a walk-forward job (step, objective and least trades resolved), with <see cref="Windows"/>.</summary>
    public WalkForwardSettings? WalkForward { get; init; }

    /// <summary>A walk-forward's windows, in order: its tasks run the grid on each window's in-sample part.</summary>
    public IReadOnlyList<Engine.WalkForward.WalkForwardWindow>? Windows { get; init; }

    /// <summary>Set for a portfolio job: each parameter set runs as one portfolio of all <see cref="Symbols"/> per positions value.</summary>
    public PortfolioJobSettings? Portfolio { get; init; }

    /// <summary>
    /// The symbol of each lane of the job's tasks, in task order: task N runs parameter set N mod P on lane N / P. A
    /// lane is a symbol, or in a walk-forward a symbol and a window (lane L is symbol L / W, window L mod W), or in a
    /// portfolio job a positions value over all the symbols, named as <see cref="PortfolioJobSettings.LaneLabel"/> says.
    /// </summary>
    public IReadOnlyList<string> LaneSymbols() =>
        Portfolio is { } portfolio ? [.. portfolio.MaxPositions.Select(PortfolioJobSettings.LaneLabel)]
        : Windows is { Count: > 0 } windows ? [.. Symbols.SelectMany(symbol => Enumerable.Repeat(symbol, windows.Count))]
        : Symbols;

    /// <summary>How many lanes the tasks run in: symbols, times windows for a walk-forward; positions values for a portfolio job.</summary>
    public int LaneCount() => Portfolio is { } portfolio ? portfolio.MaxPositions.Count : Symbols.Count * Math.Max(1, Windows?.Count ?? 0);

    /// <summary>
    /// What a chart's rerun of a result asks for: the job's execution with the model's recorded components, so the rerun
    /// charges what the job did even after the model's file changed (jobs queued before components were recorded resolve it by name).
    /// </summary>
    public Backtesting.Execution.ExecutionChoice Execution() => new(Costs, SlippageBps, Size, WholeShares) { Model = CostModel };

    /// <summary>What the engine ran the job's tasks with, as its chunks carried it (<see cref="ChunkPayload.Settings"/>).</summary>
    public Engine.Simulation.SimulationSettings Settings() => new(CostBps, InitialCapital ?? Engine.Simulation.SimulationSettings.DefaultCapital)
    {
        Costs = CostModel,
        SlippageBps = SlippageBps ?? 0,
        Sizing = Backtesting.Execution.SizingText.Parse(Size ?? "all"),
        WholeShares = WholeShares,
    };
}
