namespace ClaudBot.Intents.Catalog;

/// <summary>
/// Names people use for things: company names for symbols (<c>infosys</c> → INFY), plain words for
/// strategies (<c>buy and hold</c> → buy_hold), and named universes (<c>nifty50</c> → its symbols).
/// Keys are lower case and may have several words.
/// </summary>
public sealed record CatalogAliases(
    IReadOnlyDictionary<string, string> Symbols,
    IReadOnlyDictionary<string, string> Strategies,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Universes);
