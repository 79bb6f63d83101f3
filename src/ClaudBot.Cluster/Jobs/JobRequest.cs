namespace ClaudBot.Cluster.Jobs;

/// <summary>A job as a user asks for it, before validation. Symbols as typed; null cost takes the default.</summary>
public sealed record JobRequest(string Strategies, IReadOnlyList<string> Symbols, DateOnly From, DateOnly To, string SubmittedBy)
{
    public double? CostBps { get; init; }

    /// <summary>Cost model, slippage, sizing and whole shares; null parts take the node's settings.</summary>
    public Backtesting.Execution.ExecutionChoice? Execution { get; init; }

    /// <summary>Set for a walk-forward: the strategies' grid is ranked on each window's in-sample part.</summary>
    public WalkForwardSettings? WalkForward { get; init; }

    /// <summary>Set for a portfolio job: each parameter set runs as one portfolio of all the symbols, per positions value.</summary>
    public PortfolioJobSettings? Portfolio { get; init; }
}
