using ClaudBot.MarketData;
using ClaudBot.MarketData.Import;

namespace ClaudBot.UserData;

/// <summary>Builds the rows of <c>claudbot data</c>: every symbol the store sees, bundled or the user's own.</summary>
internal static class DataRows
{
    public const string Bundled = "bundled";

    public static async Task<IReadOnlyList<DataRow>> ListAsync(IMarketData data, UserBarStore? store, CancellationToken cancellationToken)
    {
        var rows = new List<DataRow>(data.Symbols.Count);
        foreach (string symbol in data.Symbols)
        {
            var (source, updated) = store is not null && store.Holds(symbol)
                ? store.Sources.TryGetValue(symbol, out var known) ? (known.Source, (DateTimeOffset?)known.Updated) : ("import", null)
                : (Bundled, null);
            try
            {
                var bars = (await data.LoadAsync(symbol, lenient: true, cancellationToken)).Bars;
                rows.Add(bars.Count == 0
                    ? new DataRow(symbol, null, null, 0, source, updated)
                    : new DataRow(symbol, bars.FirstDate, bars.LastDate, bars.Count, source, updated));
            }
            catch (MarketDataException error)
            {
                // One unreadable file is a line in the listing, not the end of it.
                rows.Add(new DataRow(symbol, null, null, 0, source, updated, error.Message));
            }
        }

        return rows;
    }
}
