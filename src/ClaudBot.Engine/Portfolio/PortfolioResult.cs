using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Portfolio;

/// <summary>A portfolio backtest's report (docs/portfolio.md, "The report").</summary>
public sealed record PortfolioResult(
    IReadOnlyList<PortfolioDay> Days,
    PortfolioMetrics Metrics,
    PortfolioBenchmark Benchmark,
    IReadOnlyList<SymbolContribution> Contribution,
    IReadOnlyList<PortfolioContest> Contests,
    IReadOnlyList<PortfolioTrade> Trades)
{
    /// <summary>The strategy each symbol ran, in symbol order.</summary>
    public IReadOnlyList<(string Symbol, StrategyParameters Strategy)> Strategies { get; init; } = [];

    public DateOnly From => Days[0].Date;

    public DateOnly To => Days[^1].Date;
}

/// <summary>One calendar day at its close: equity = cash + invested; exposure = invested / equity; positions held.</summary>
public readonly record struct PortfolioDay(DateOnly Date, double Equity, double Cash, double Exposure, int Positions);

/// <summary>
/// The single engine's metrics of the curve (exposure = share of days with a position at the close; trades, win rate and
/// profit factor over every trade, open ones included; fees, turnover, skipped entries) and the portfolio's own.
/// </summary>
public sealed record PortfolioMetrics(BacktestMetrics Backtest, double MeanExposure, double MeanPositions, int MaxPositionsHeld);

/// <summary>Equal-weight buy and hold of the universe: its equity per calendar day and its metrics.</summary>
public sealed record PortfolioBenchmark(IReadOnlyList<double> Equity, BacktestMetrics Metrics);

/// <summary>A symbol's part of the result: its trades' P&amp;L (open ones marked), as a share of the initial capital.</summary>
public readonly record struct SymbolContribution(string Symbol, double ProfitLoss, double Share, int Trades);

/// <summary>
/// A day with more candidates than free slots: the ranked candidates with their rank values (NaN = undefined), the symbols
/// bought, and whether the last tried and the first not tried had equal values. Why a symbol was not bought.
/// </summary>
public sealed record PortfolioContest(DateOnly Date, int Free, IReadOnlyList<(string Symbol, double Value)> Ranked, IReadOnlyList<string> Entered, bool TieAtCut);

/// <summary>
/// A round trip of one symbol: fills with slippage, <see cref="Fees"/> the buy's and sell's charges (the buy's alone while
/// open), <see cref="Return"/> cash received over cash paid less 1, <see cref="ProfitLoss"/> their difference in rupees.
/// </summary>
public sealed record PortfolioTrade(
    string Symbol,
    DateOnly EntryDate,
    double EntryPrice,
    DateOnly ExitDate,
    double ExitPrice,
    double Shares,
    double Fees,
    double Return,
    double ProfitLoss,
    ExitReason Reason);
