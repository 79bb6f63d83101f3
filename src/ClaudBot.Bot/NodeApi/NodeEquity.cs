namespace ClaudBot.Bot.NodeApi;

/// <summary>One result's daily equity and buy-and-hold's on the same days, and its trades, as the node computes them.</summary>
/// <param name="Dates">ISO days, one per bar.</param>
public sealed record NodeEquity(string Strategy, string Symbol, IReadOnlyList<string> Dates, IReadOnlyList<double> Equity, IReadOnlyList<double> BuyHold, IReadOnlyList<NodeTrade> Trades)
{
    /// <summary>A portfolio's curve as one result's: its daily equity beside the equal-weight buy and hold's, its trades with their symbols.</summary>
    public static NodeEquity Of(Backtesting.PortfolioView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new NodeEquity(view.Strategy, $"{view.Symbols} symbols", view.Dates, view.Equity, view.BuyHoldEquity,
            [.. view.Trades.Select(t => new NodeTrade(t.EntryDate, t.EntryPrice, t.ExitDate, t.ExitPrice, t.Return, t.Reason == "open") { Symbol = t.Symbol })]);
    }
}

/// <summary>One trade of a result: ISO days, prices, the return after costs, and whether it was still open at the end.</summary>
public sealed record NodeTrade(string EntryDate, double EntryPrice, string ExitDate, double ExitPrice, double Return, bool Open)
{
    /// <summary>The trade's symbol where a curve holds several (a portfolio's); null for one symbol's result.</summary>
    public string? Symbol { get; init; }
}
