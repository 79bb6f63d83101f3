namespace ClaudBot.MarketData.Import;

/// <summary>A row an import left out, and why (for the report): line 1 is the header.</summary>
public sealed record SkippedRow(string File, int Line, string Reason);
