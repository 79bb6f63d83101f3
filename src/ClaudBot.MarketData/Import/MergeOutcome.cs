namespace ClaudBot.MarketData.Import;

/// <summary>What merging one symbol's rows into the user's store did: rows added, rows already there, rows replaced.</summary>
public sealed record MergeOutcome(string Symbol, int Added, int Identical, int Replaced, DateOnly First, DateOnly Last);
