using ClaudBot.Engine.Data;
using ClaudBot.MarketData;

namespace ClaudBot.Backtesting.Market;

/// <summary>
/// The <see cref="EqualWeightIndex"/> of every symbol in one market data folder, built on first use and kept for the
/// life of the process (one instance per <see cref="IMarketData"/>, i.e. per data folder). Thread-safe.
/// </summary>
/// <remarks>
/// A symbol whose file cannot be read is left out of the index rather than failing every backtest: the index is context
/// beside a result, and the result itself still reports the problem when it uses that symbol.
/// </remarks>
public sealed class MarketIndexCache(IMarketData marketData)
{
    private readonly Lazy<Task<EqualWeightIndex?>> _index = new(() => BuildAsync(marketData), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The index, or null when no constituent could be read.</summary>
    public Task<EqualWeightIndex?> GetAsync(CancellationToken cancellationToken) => _index.Value.WaitAsync(cancellationToken);

    private static async Task<EqualWeightIndex?> BuildAsync(IMarketData marketData)
    {
        // Built without the first caller's token: a cancelled request must not leave a cancelled index for the next.
        var constituents = new List<BarSeries>(marketData.Symbols.Count);
        foreach (string symbol in marketData.Symbols)
        {
            try
            {
                constituents.Add((await marketData.LoadAsync(symbol, lenient: true, CancellationToken.None).ConfigureAwait(false)).Bars);
            }
            catch (MarketDataException)
            {
                continue;
            }
        }

        return constituents.Count == 0 ? null : EqualWeightIndex.Build(constituents);
    }
}
