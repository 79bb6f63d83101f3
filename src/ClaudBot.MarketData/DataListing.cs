namespace ClaudBot.MarketData;

/// <summary>
/// What a data folder offers, without its bars: the symbols, the aliases and the newest day. The node serves its
/// own (<c>GET /api/data</c>) so a client over SSH understands symbols and periods against the server's data.
/// </summary>
public sealed record DataListing(IReadOnlyList<string> Symbols, IReadOnlyList<DataAlias> Aliases, DateOnly? LastDay);

/// <summary>An alias from <c>aliases.csv</c>: <paramref name="Alias"/> stands for <paramref name="Symbol"/>, for the reason in <paramref name="Note"/>.</summary>
public sealed record DataAlias(string Alias, string Symbol, string? Note);
