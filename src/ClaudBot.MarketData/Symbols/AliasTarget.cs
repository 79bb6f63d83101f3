namespace ClaudBot.MarketData.Symbols;

/// <summary>What an alias from <c>aliases.csv</c> stands for, and why.</summary>
internal sealed record AliasTarget(string Symbol, string? Note);
