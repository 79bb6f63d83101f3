namespace ClaudBot.Dashboard.Api;

/// <summary>A result's daily equity and buy-and-hold's over the same days, in currency, for the job page's chart.</summary>
internal sealed record EquityView(string Strategy, string Symbol, IReadOnlyList<string> Dates, IReadOnlyList<double> Equity, IReadOnlyList<double> BuyHold);
