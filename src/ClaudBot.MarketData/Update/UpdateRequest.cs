namespace ClaudBot.MarketData.Update;

/// <summary>What to fetch.</summary>
/// <param name="Symbols">Symbols or aliases; empty means every symbol in the data.</param>
/// <param name="Source">Where from.</param>
/// <param name="From">Also fetch from this day where a symbol's data starts later; needed for a symbol with no data yet.</param>
/// <param name="To">The last day to fetch; null is today in India.</param>
public sealed record UpdateRequest(IReadOnlyList<string> Symbols, UpdateSource Source, DateOnly? From = null, DateOnly? To = null);
