namespace ClaudBot.MarketData.Import;

/// <summary>
/// The user's own market data (<see cref="MarketDataOptions.UserDirectory"/>, in the home folder): one canonical
/// <c>SYMBOL.csv</c> per symbol, layered over the bundled data (a symbol here wins, so its file holds the bundled rows
/// too). The bundled data is never edited. Merging keeps identical rows once and refuses a date whose prices differ,
/// showing both, unless asked to replace.
/// </summary>
public sealed class UserBarStore(string directory)
{
    public string Directory { get; } = directory;

    /// <exception cref="DataConflictException">A date's stored row differs and <paramref name="replace"/> is false.</exception>
    public MergeOutcome Merge(ImportedSeries series, IMarketData existing, bool replace) =>
        throw new NotImplementedException("UserBarStore is being built (issue 15).");
}
