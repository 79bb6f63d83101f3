namespace ClaudBot.MarketData;

/// <summary>
/// The bundled daily bars: which symbols exist, what user text means, and the bars of a symbol.
/// Thread-safe.
/// </summary>
public interface IMarketData
{
    /// <summary>Canonical symbols (CSV file names without extension, upper-case), sorted ordinally.</summary>
    IReadOnlyList<string> Symbols { get; }

    /// <summary>
    /// The newest day any symbol has a bar for, or null when no file has a readable row. Read from the end of each
    /// file, not a full load, and again when <see cref="Version"/> moves, like <see cref="Symbols"/>; periods relative
    /// to today (<c>ytd</c>, <c>last 3 years</c>) end on it when the data stops before today.
    /// </summary>
    DateOnly? LastDay { get; }

    /// <summary>
    /// Moves when the data's symbols or files change under a running process (the user imported or updated data), so
    /// what is built from all of it (the market index) is built again. Data that never changes in place keeps 0.
    /// </summary>
    long Version => 0;

    /// <summary>The symbols, aliases and newest day, without bars (what a client needs to understand requests).</summary>
    DataListing Listing();

    /// <summary>
    /// Resolves user text (trimmed, case-insensitive) to a symbol, following aliases.
    /// </summary>
    /// <exception cref="InvalidSymbolException">The text cannot be a symbol (e.g. <c>../etc/passwd</c>).</exception>
    /// <exception cref="UnknownSymbolException">Well formed but not in the data; carries suggestions.</exception>
    SymbolResolution Resolve(string text);

    /// <summary>
    /// Resolves several texts at once, dropping repeats of the same symbol (<c>HDFC</c> and
    /// <c>HDFCBANK</c> give one result), in first-seen order. All unknown symbols are reported in one
    /// <see cref="UnknownSymbolException"/>; the first invalid text throws <see cref="InvalidSymbolException"/>.
    /// </summary>
    IReadOnlyList<SymbolResolution> ResolveAll(IEnumerable<string> texts);

    /// <summary>
    /// Loads the bars of a canonical symbol (as returned by <see cref="Resolve"/>).
    /// </summary>
    /// <param name="symbol">Canonical symbol, e.g. <c>RELIANCE</c>.</param>
    /// <param name="lenient">True skips bad rows, false rejects the file; null uses <see cref="MarketDataOptions.Lenient"/>.</param>
    /// <param name="cancellationToken">Cancels the file read.</param>
    /// <exception cref="CsvFormatException">The file is unusable (or, strict, has a bad row).</exception>
    /// <exception cref="UnknownSymbolException">The symbol is not in the data.</exception>
    ValueTask<LoadedSeries> LoadAsync(string symbol, bool? lenient = null, CancellationToken cancellationToken = default);
}
