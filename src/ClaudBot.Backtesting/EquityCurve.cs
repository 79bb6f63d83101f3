using ClaudBot.Engine;

namespace ClaudBot.Backtesting;

/// <summary>One backtest's daily equity (currency) on its trading dates, its trades, and the strategy as run (canonical text).</summary>
public sealed record EquityCurve(string Strategy, string Symbol, IReadOnlyList<DateOnly> Dates, IReadOnlyList<double> Equity, IReadOnlyList<TradeResult> Trades);
