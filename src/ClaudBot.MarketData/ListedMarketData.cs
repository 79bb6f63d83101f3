using ClaudBot.MarketData.Symbols;

namespace ClaudBot.MarketData;

/// <summary>
/// Another machine's data as a client knows it from its <see cref="DataListing"/>: symbols, aliases and the
/// newest day resolve exactly as they do there; bars are not here, so <see cref="LoadAsync"/> refuses.
/// </summary>
public sealed class ListedMarketData : IMarketData
{
    private readonly DataListing _listing;
    private readonly SymbolUniverse _universe;

    public ListedMarketData(DataListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        _universe = SymbolUniverse.FromListing(listing);
        _listing = listing with { Symbols = _universe.Symbols, Aliases = _universe.Aliases() };
    }

    public IReadOnlyList<string> Symbols => _universe.Symbols;

    public DateOnly? LastDay => _listing.LastDay;

    public DataListing Listing() => _listing;

    public SymbolResolution Resolve(string text) => _universe.Resolve(text);

    public IReadOnlyList<SymbolResolution> ResolveAll(IEnumerable<string> texts) => _universe.ResolveAll(texts);

    /// <exception cref="UnknownSymbolException">Not in the listing (with suggestions, as for local data).</exception>
    /// <exception cref="MarketDataException">A listed symbol: its bars are on the other machine.</exception>
    public ValueTask<LoadedSeries> LoadAsync(string symbol, bool? lenient = null, CancellationToken cancellationToken = default)
    {
        var known = _universe.Resolve(symbol);
        throw new MarketDataException($"The bars of {known.Symbol} are on the server; this client keeps no copy of its data.");
    }
}
