namespace ClaudBot.MarketData.Cache;

/// <summary>The outcome of looking in the bar cache.</summary>
internal enum BarCacheStatus
{
    /// <summary>The cached bars match the CSV.</summary>
    Hit,

    /// <summary>No cache file yet.</summary>
    Absent,

    /// <summary>The cache was built from another version of the CSV (or another format version).</summary>
    Stale,

    /// <summary>The file is truncated, damaged or not a cache file.</summary>
    Corrupt,
}
