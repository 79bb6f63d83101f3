namespace ClaudBot.MarketData;

/// <summary>One symbol that is well formed but not in the data, with the closest known names, best first.</summary>
public sealed record UnknownSymbol(string Input, IReadOnlyList<string> Suggestions);
