namespace ClaudBot.MarketData.Import;

/// <summary>Where a symbol's rows in the user's store last came from (<c>import:TCS.csv</c>, <c>yahoo</c>, <c>nse</c>) and when.</summary>
public sealed record SymbolSource(string Source, DateTimeOffset Updated);
