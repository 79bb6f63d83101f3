namespace ClaudBot.MarketData;

/// <summary>
/// What a piece of user text resolved to. For an alias (<c>HDFC</c>) <see cref="Symbol"/> is the
/// target (<c>HDFCBANK</c>) and <see cref="Note"/> says why, so the reply can explain the switch.
/// </summary>
/// <param name="Input">The text as resolved: trimmed and upper-cased.</param>
/// <param name="Symbol">The canonical symbol, a file in the data directory.</param>
/// <param name="IsAlias">True when <see cref="Input"/> was an alias from <c>aliases.csv</c>.</param>
/// <param name="Note">The alias note from <c>aliases.csv</c>; null unless <see cref="IsAlias"/>.</param>
public sealed record SymbolResolution(string Input, string Symbol, bool IsAlias = false, string? Note = null);
