using System.Globalization;
using ClaudBot.Engine.Data;
using ClaudBot.MarketData;

namespace ClaudBot.Backtesting.Market;

/// <summary>
/// The <see cref="MarketIndex"/> of one market data folder, built on first use and kept while the data's
/// <see cref="IMarketData.Version"/> stays (one instance per <see cref="IMarketData"/>, i.e. per data folder): an import or
/// update under a running node builds it again, so new days get an index level and an imported NIFTY 50 takes over. It is the NIFTY 50 series itself when the data has one
/// (a symbol of <see cref="Nifty50.IndexSymbols"/>, or an alias of one: the user imports it), else the
/// <see cref="EqualWeightIndex"/> of the <see cref="Nifty50.Constituents"/> present (of every symbol, when none is).
/// Thread-safe.
/// </summary>
/// <remarks>
/// A symbol whose file cannot be read is left out of the index rather than failing every backtest: the index is context
/// beside a result, and the result itself still reports the problem when it uses that symbol.
/// </remarks>
public sealed class MarketIndexCache(IMarketData marketData)
{
    private readonly Lock _gate = new();
    private (long Version, Task<MarketIndex?> Index)? _built;

    /// <summary>The index, or null when no constituent could be read.</summary>
    public Task<MarketIndex?> GetAsync(CancellationToken cancellationToken)
    {
        long version = marketData.Version;
        lock (_gate)
        {
            if (_built is not { } built || built.Version != version)
            {
                built = (version, Task.Run(() => BuildAsync(marketData), CancellationToken.None));
                _built = built;
            }

            return built.Index.WaitAsync(cancellationToken);
        }
    }

    private static async Task<MarketIndex?> BuildAsync(IMarketData marketData)
    {
        // Built without the first caller's token: a cancelled request must not leave a cancelled index for the next.
        if (await TryImportedAsync(marketData).ConfigureAwait(false) is { } imported)
        {
            return imported;
        }

        var indexSymbols = Nifty50.IndexSymbols.ToHashSet(StringComparer.Ordinal);
        var members = marketData.Symbols.Where(Nifty50.Constituents.Contains).ToList();
        bool anyConstituent = members.Count > 0;
        if (!anyConstituent)
        {
            members = [.. marketData.Symbols.Where(s => !indexSymbols.Contains(s))];
        }

        var constituents = new List<BarSeries>(members.Count);
        foreach (string symbol in members)
        {
            if (await TryLoadAsync(marketData, symbol).ConfigureAwait(false) is { } bars)
            {
                constituents.Add(bars);
            }
        }

        string label = anyConstituent
            ? string.Create(CultureInfo.InvariantCulture, $"equal-weight of {constituents.Count} NIFTY 50 constituents present (not the official index)")
            : string.Create(CultureInfo.InvariantCulture, $"equal-weight of {constituents.Count} symbols in the data, no NIFTY 50 constituent among them (not the official index)");
        return constituents.Count == 0 ? null : EqualWeightIndex.Build(constituents, label);
    }

    private static async Task<MarketIndex?> TryImportedAsync(IMarketData marketData)
    {
        foreach (string name in Nifty50.IndexSymbols)
        {
            string symbol;
            try
            {
                symbol = marketData.Resolve(name).Symbol;
            }
            catch (MarketDataException)
            {
                continue;
            }

            if (await TryLoadAsync(marketData, symbol).ConfigureAwait(false) is { Count: > 1 } bars)
            {
                return MarketIndex.FromSeries(bars, $"{symbol} (imported)");
            }
        }

        return null;
    }

    private static async Task<BarSeries?> TryLoadAsync(IMarketData marketData, string symbol)
    {
        try
        {
            return (await marketData.LoadAsync(symbol, lenient: true, CancellationToken.None).ConfigureAwait(false)).Bars;
        }
        catch (MarketDataException)
        {
            return null;
        }
    }
}
