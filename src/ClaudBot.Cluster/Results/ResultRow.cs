using System.Text.Json.Serialization;

namespace ClaudBot.Cluster.Results;

/// <summary>One successful backtest of a results file, its metrics without the trades.</summary>
/// <param name="Index">The task's index in the job.</param>
/// <param name="Strategy">The strategy's name, e.g. <c>rsi</c>.</param>
/// <param name="StrategyText">
/// The name with every parameter in the strategy parser's canonical form, e.g.
/// <c>rsi(period=14, lower=30, upper=70)</c>; it parses back to the same parameters.
/// </param>
/// <param name="From">The first bar used.</param>
/// <param name="To">The last bar used.</param>
/// <param name="ProfitFactor">Null when no trade lost.</param>
/// <remarks>A metric that is not finite (NaN, Infinity; null in the results file) is <c>null</c> in JSON and reads back as NaN.</remarks>
public sealed record ResultRow(
    int Index,
    string Strategy,
    string StrategyText,
    string Symbol,
    DateOnly From,
    DateOnly To,
    [property: JsonConverter(typeof(FiniteDoubleJsonConverter))] double TotalReturn,
    [property: JsonConverter(typeof(FiniteDoubleJsonConverter))] double Cagr,
    [property: JsonConverter(typeof(FiniteDoubleJsonConverter))] double Sharpe,
    [property: JsonConverter(typeof(FiniteDoubleJsonConverter))] double MaxDrawdown,
    int Trades,
    [property: JsonConverter(typeof(FiniteDoubleJsonConverter))] double WinRate,
    double? ProfitFactor,
    [property: JsonConverter(typeof(FiniteDoubleJsonConverter))] double FinalEquity)
{
    /// <summary>Buy and hold of the same symbol over the same range with the same settings: its total return.</summary>
    public double? BenchmarkReturn { get; init; }

    /// <summary>The strategy's total return minus <see cref="BenchmarkReturn"/>.</summary>
    public double? ExcessReturn { get; init; }

    /// <summary>Against the index <see cref="MarketIndex"/> names; null where undefined.</summary>
    public double? Beta { get; init; }

    /// <summary>Annualised, against the same index; null where undefined.</summary>
    public double? Alpha { get; init; }

    /// <summary>
    /// What beta and alpha are against, e.g. <c>NIFTY50 (imported)</c> or <c>equal-weight of 49 NIFTY 50 constituents
    /// present (not the official index)</c>; null in results written before it was recorded.
    /// </summary>
    public string? MarketIndex { get; init; }

    /// <summary>All charges paid, in rupees; null in results written before fees were kept, or where not finite.</summary>
    public double? Fees { get; init; }

    /// <summary>Value traded over the initial capital (2.0 = the capital bought and sold once); null where unknown, as <see cref="Fees"/>.</summary>
    public double? Turnover { get; init; }

    /// <summary>The Sortino ratio (README "Metrics": downside deviation over all days); null where not finite.</summary>
    public double? Sortino { get; init; }

    /// <summary>The Calmar ratio (CAGR over the maximum drawdown's size); null where not finite.</summary>
    public double? Calmar { get; init; }

    /// <summary>Entries not taken because the size bought zero whole shares; null in results written before they were counted.</summary>
    public int? SkippedEntries { get; init; }
}
