namespace ClaudBot.MarketData.Update;

/// <summary>What an update did for one symbol: the rows it added and their dates, or why it could not.</summary>
/// <param name="Problem">One line when the symbol could not be updated (unknown to the source, a conflict); null otherwise.</param>
public sealed record SymbolUpdate(string Symbol, int Added, DateOnly? First, DateOnly? Last, string? Problem = null);
