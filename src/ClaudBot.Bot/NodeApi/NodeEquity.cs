namespace ClaudBot.Bot.NodeApi;

/// <summary>One result's daily equity and buy-and-hold's on the same days, and its trades, as the node computes them.</summary>
/// <param name="Dates">ISO days, one per bar.</param>
public sealed record NodeEquity(string Strategy, string Symbol, IReadOnlyList<string> Dates, IReadOnlyList<double> Equity, IReadOnlyList<double> BuyHold, IReadOnlyList<NodeTrade> Trades);

/// <summary>One trade of a result: ISO days, prices, the return after costs, and whether it was still open at the end.</summary>
public sealed record NodeTrade(string EntryDate, double EntryPrice, string ExitDate, double ExitPrice, double Return, bool Open);
