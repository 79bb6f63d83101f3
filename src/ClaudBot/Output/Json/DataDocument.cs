namespace ClaudBot.Output.Json;

/// <summary><c>claudbot data --json</c>: every symbol with its dates (<c>yyyy-MM-dd</c>), bar count, source and last update.</summary>
internal sealed record DataDocument(IReadOnlyList<DataDocumentSymbol> Symbols);

/// <summary>One symbol of <see cref="DataDocument"/>; <c>updated</c> is null for bundled data, <c>problem</c> set when its file cannot be read.</summary>
internal sealed record DataDocumentSymbol(string Symbol, string? First, string? Last, int Bars, string Source, DateTimeOffset? Updated, string? Problem);
