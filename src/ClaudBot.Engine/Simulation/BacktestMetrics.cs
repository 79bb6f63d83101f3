namespace ClaudBot.Engine.Simulation;

/// <summary>
/// The figures of one backtest over the bars in range. Ratios are fractions (0.12 = 12%);
/// <see cref="MaxDrawdown"/> is zero or negative. Where a ratio's denominator is zero
/// (no volatility, no downside, no drawdown) the ratio is 0; <see cref="ProfitFactor"/> is null
/// when no trade lost money.
/// </summary>
public readonly record struct BacktestMetrics(
    double TotalReturn,
    double Cagr,
    double Volatility,
    double Sharpe,
    double Sortino,
    double MaxDrawdown,
    double Calmar,
    int Trades,
    double WinRate,
    double? ProfitFactor,
    double Exposure,
    double FinalEquity)
{
    /// <summary>All charges paid, in rupees (an open trade's buy included).</summary>
    public double Fees { get; init; }

    /// <summary>Value traded, buys and sells before charges, over the initial capital (2.0 = the capital bought and sold once).</summary>
    public double Turnover { get; init; }

    /// <summary>Entries not taken because the size bought zero whole shares.</summary>
    public int SkippedEntries { get; init; }
}
