namespace ClaudBot.Backtesting;

/// <summary>
/// What a user asked for: a strategy list in text form (<c>rsi(period=10),macd</c>), symbols as typed,
/// and an inclusive date range. Null options take the configured defaults.
/// </summary>
public sealed record BacktestRequest(string Strategies, IReadOnlyList<string> Symbols, DateOnly From, DateOnly To)
{
    public double? CostBps { get; init; }

    /// <summary>Starting cash; null takes <c>Backtest:InitialCapital</c>. A job's spec records the one it ran with.</summary>
    public double? InitialCapital { get; init; }

    /// <summary>Cost model, slippage, sizing and whole shares; null (or null parts) take the settings.</summary>
    public Execution.ExecutionChoice? Execution { get; init; }

    public bool? Lenient { get; init; }

    /// <summary>Keep each result's daily equity curve (for charts and full JSON).</summary>
    public bool IncludeEquity { get; init; }
}
