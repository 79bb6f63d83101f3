namespace ClaudBot.Dashboard.Api;

/// <summary>A result's daily equity and buy-and-hold's over the same days, in currency, and the result's trades.</summary>
internal sealed record EquityView(string Strategy, string Symbol, IReadOnlyList<string> Dates, IReadOnlyList<double> Equity, IReadOnlyList<double> BuyHold, IReadOnlyList<TradeView> Trades);

/// <summary>One trade, named as in the results file (<c>open</c>: still held on the last day).</summary>
internal sealed record TradeView(string EntryDate, double EntryPrice, string ExitDate, double ExitPrice, double Return, bool Open);
