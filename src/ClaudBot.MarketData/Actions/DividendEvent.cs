namespace ClaudBot.MarketData.Actions;

/// <summary>
/// A cash dividend of <paramref name="Amount"/> rupees per share, going ex on <paramref name="Date"/>, as written in
/// <c>actions.csv</c> (the amount per share at the time, not adjusted for later splits). Kept for a total-return series.
/// </summary>
public sealed record DividendEvent(string Symbol, DateOnly Date, double Amount);
