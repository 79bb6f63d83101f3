namespace ClaudBot.MarketData.Import;

/// <summary>
/// A split or bonus: from <paramref name="Date"/> on, each old share is <paramref name="Ratio"/> shares (a 1:2 split or a
/// 1:1 bonus is 2); prices before it divide by the ratio and volumes multiply by it.
/// </summary>
public sealed record SplitEvent(string Symbol, DateOnly Date, double Ratio);
