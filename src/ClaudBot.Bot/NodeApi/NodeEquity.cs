namespace ClaudBot.Bot.NodeApi;

/// <summary>One result's daily equity and buy-and-hold's on the same days, as the node computes them.</summary>
/// <param name="Dates">ISO days, one per bar.</param>
public sealed record NodeEquity(string Strategy, string Symbol, IReadOnlyList<string> Dates, IReadOnlyList<double> Equity, IReadOnlyList<double> BuyHold);
