using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Engine.Data;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// A worker's fingerprints of the bars it loaded, per series instance and range: a sweep's hundreds of chunks on one
/// symbol hash its bars once. Keyed by the instance, so a series reloaded after its file changed is hashed afresh,
/// and a series the market data forgets takes its fingerprints with it.
/// </summary>
internal sealed class FingerprintCache
{
    private readonly ConditionalWeakTable<BarSeries, ConcurrentDictionary<(DateOnly From, DateOnly To), string>> _bySeries = [];

    private int _computed;

    /// <summary>How many times bars were hashed (not answered from the cache).</summary>
    public int Computed => _computed;

    /// <inheritdoc cref="DataFingerprint.OfBarsRead"/>
    public string Of(BarSeries bars, DateOnly from, DateOnly to) =>
        _bySeries.GetOrCreateValue(bars).GetOrAdd((from, to), range =>
        {
            Interlocked.Increment(ref _computed);
            return DataFingerprint.OfBarsRead(bars, range.From, range.To);
        });
}
