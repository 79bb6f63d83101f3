namespace ClaudBot.Output.Json;

/// <summary><c>symbols --json</c>: <c>{"symbols": ["ADANIPORTS", ...]}</c>, in the data folder's order.</summary>
internal sealed record SymbolsDocument(IReadOnlyList<string> Symbols);
