using System.Globalization;
using ClaudBot.Engine.Portfolio;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Backtesting;

/// <summary>
/// A portfolio backtest as the node's API sends it (<c>POST /api/portfolio</c>) and the bot reads it: the account's
/// figures beside the equal-weight buy and hold's, the daily curves and positions, each symbol's contribution and the
/// trades. A figure that is not finite is null.
/// </summary>
public sealed record PortfolioView(
    string Strategy,
    int Symbols,
    int MaxPositions,
    string Rank,
    string Size,
    string From,
    string To,
    PortfolioFigures Portfolio,
    PortfolioFigures BuyHold,
    double MeanExposure,
    double MeanPositions,
    int MaxPositionsHeld,
    IReadOnlyList<string> Dates,
    IReadOnlyList<double> Equity,
    IReadOnlyList<double> BuyHoldEquity,
    IReadOnlyList<int> Positions,
    IReadOnlyList<PortfolioContributionView> Contribution,
    IReadOnlyList<PortfolioTradeView> Trades,
    IReadOnlyList<string> Notes)
{
    /// <summary>The symbols that ran a strategy of their own, and which (canonical); null when every symbol ran <see cref="Strategy"/>.</summary>
    public IReadOnlyDictionary<string, string>? PerSymbol { get; init; }

    public static PortfolioView Of(string strategy, int maxPositions, PortfolioResult result, PortfolioRanking rank, PortfolioSizing size, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new PortfolioView(
            strategy,
            result.Strategies.Count,
            maxPositions,
            rank.ToString(),
            size.ToString(),
            Day(result.From),
            Day(result.To),
            PortfolioFigures.Of(result.Metrics.Backtest),
            PortfolioFigures.Of(result.Benchmark.Metrics),
            result.Metrics.MeanExposure,
            result.Metrics.MeanPositions,
            result.Metrics.MaxPositionsHeld,
            [.. result.Days.Select(d => Day(d.Date))],
            [.. result.Days.Select(d => d.Equity)],
            result.Benchmark.Equity,
            [.. result.Days.Select(d => d.Positions)],
            [.. result.Contribution.Select(c => new PortfolioContributionView(c.Symbol, c.ProfitLoss, c.Share, c.Trades))],
            [.. result.Trades.Select(t => new PortfolioTradeView(t.Symbol, Day(t.EntryDate), t.EntryPrice, Day(t.ExitDate), t.ExitPrice, t.Shares, t.Fees, t.Return, t.Reason.ToString().ToLowerInvariant()))],
            notes)
        {
            PerSymbol = result.Strategies.Where(s => s.Strategy.ToString() != strategy).ToDictionary(s => s.Symbol, s => s.Strategy.ToString(), StringComparer.Ordinal) is { Count: > 0 } own ? own : null,
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The figures a portfolio and its buy and hold are compared on; null where not finite.</summary>
public sealed record PortfolioFigures(double? TotalReturn, double? Cagr, double? Sharpe, double? MaxDrawdown, int Trades, double? WinRate, double Fees, double Turnover, double FinalEquity)
{
    public static PortfolioFigures Of(BacktestMetrics m) =>
        new(Finite(m.TotalReturn), Finite(m.Cagr), Finite(m.Sharpe), Finite(m.MaxDrawdown), m.Trades, m.Trades > 0 ? Finite(m.WinRate) : null, m.Fees, m.Turnover, m.FinalEquity);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>One symbol's profit and loss in the account (open trades marked), in rupees and as a share of the capital.</summary>
public sealed record PortfolioContributionView(string Symbol, double ProfitLoss, double Share, int Trades);

/// <summary>One round trip of the account.</summary>
public sealed record PortfolioTradeView(string Symbol, string EntryDate, double EntryPrice, string ExitDate, double ExitPrice, double Shares, double Fees, double Return, string Reason);
