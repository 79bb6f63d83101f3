using System.Collections.Concurrent;
using ClaudBot.Engine.Data;
using ClaudBot.MarketData.Actions;
using ClaudBot.MarketData.Cache;
using ClaudBot.MarketData.Csv;
using ClaudBot.MarketData.Symbols;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.MarketData;

/// <summary>
/// <see cref="IMarketData"/> over a directory of CSV files, with the user's own folder
/// (<see cref="MarketDataOptions.UserDirectory"/>) layered over it: a symbol there wins. A load looks, in order, in an in-process
/// memo, in the binary cache, then parses the CSV (and refreshes both); memo and cache entries are
/// keyed by the CSV's length and last-write time, so an edited file is re-read. Splits and bonuses in <c>actions.csv</c>
/// (the bundled folder's and the user's, <see cref="ActionsFile"/>) adjust the bars after the cache, which holds the raw
/// parse: an edited <c>actions.csv</c> re-adjusts the next load without re-reading any CSV. Thread-safe.
/// </summary>
public sealed class MarketDataStore : IMarketData
{
    private readonly MarketDataOptions _options;
    private readonly ILogger<MarketDataStore> _logger;
    private readonly string _directory;
    private readonly string? _userDirectory;
    private readonly BarCache? _cache;
    private readonly Lock _snapshotGate = new();
    private volatile DataSnapshot? _snapshot;
    private readonly CorporateActions _actions;
    private readonly ConcurrentDictionary<(string Symbol, bool Lenient), (CsvStamp Stamp, SymbolActions Actions, LoadedSeries Series)> _memo = new();
    private int _cacheWritesOff;

    public MarketDataStore(IOptions<MarketDataOptions> options, ILogger<MarketDataStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _logger = logger;
        _directory = _options.ResolveDirectory();
        _userDirectory = _options.ResolveUserDirectory();
        _cache = _options.UseCache && BarCache.IsSupported ? new BarCache(_options.ResolveCacheDirectory()) : null;
        _actions = new CorporateActions(_directory, _options.ResolveUserDirectory(), logger);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Symbols => Current().Universe.Symbols;

    /// <inheritdoc />
    public DateOnly? LastDay => Current().LastDay.Value;

    /// <inheritdoc />
    public long Version => Current().Stamp.Version;

    /// <inheritdoc />
    public DataListing Listing()
    {
        var snapshot = Current();
        return new(snapshot.Universe.Symbols, snapshot.Universe.Aliases(), snapshot.LastDay.Value);
    }

    /// <inheritdoc />
    public SymbolResolution Resolve(string text) => Current().Universe.Resolve(text);

    /// <inheritdoc />
    public IReadOnlyList<SymbolResolution> ResolveAll(IEnumerable<string> texts) => Current().Universe.ResolveAll(texts);

    /// <inheritdoc />
    public async ValueTask<LoadedSeries> LoadAsync(string symbol, bool? lenient = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string path = Current().Universe.PathOf(symbol);
        string canonical = SymbolName.Normalize(symbol);
        bool isLenient = lenient ?? _options.Lenient;
        var actions = _actions.For(canonical);
        if (_cache is not null && TryMemoOrCache(canonical, path, isLenient, actions) is { } remembered)
        {
            return remembered;
        }

        var (result, stamp) = await ParseAsync(canonical, path, isLenient, cancellationToken);
        if (result.Warning is { } warning)
        {
            Log.RowsSkipped(_logger, warning);
        }

        Log.SeriesLoaded(_logger, canonical, result.Bars.Count, "parsed from CSV");
        if (_cache is not null)
        {
            WriteCache(stamp, result);
            _memo[(canonical, isLenient)] = (stamp, actions, ToLoaded(result, fromCache: true, actions));
        }

        return ToLoaded(result, fromCache: false, actions);
    }

    /// <summary>
    /// A symbol's rows exactly as its file holds them, parsed strictly with no memo, cache or adjustment: what an import
    /// merges with, since the user's store keeps raw rows and anything applied on load would otherwise be applied twice.
    /// </summary>
    internal BarSeries ReadRawBars(string symbol)
    {
        string path = Current().Universe.PathOf(symbol);
        return CsvFile.Read(path, SymbolName.Normalize(symbol), DisplayName(path), lenient: false).Result.Bars;
    }

    private LoadedSeries? TryMemoOrCache(string symbol, string path, bool lenient, SymbolActions actions)
    {
        CsvStamp stamp;
        try
        {
            stamp = CsvStamp.FromPath(path);
        }
        catch (FileNotFoundException)
        {
            throw Missing(symbol, path);
        }

        if (_memo.TryGetValue((symbol, lenient), out var memo) && memo.Stamp == stamp && ReferenceEquals(memo.Actions, actions))
        {
            return memo.Series;
        }

        var cached = _cache!.TryRead(symbol, stamp, out var status, out string reason);
        if (cached is not null && (lenient || cached.SkippedRows == 0))
        {
            // A strict load must fail like a fresh parse would; a cache from a lenient parse that skipped rows cannot say how.
            var loaded = ToLoaded(cached, fromCache: true, actions);
            _memo[(symbol, lenient)] = (stamp, actions, loaded);
            Log.SeriesLoaded(_logger, symbol, cached.Bars.Count, "from the bar cache");
            return loaded;
        }

        if (status == BarCacheStatus.Corrupt)
        {
            Log.CacheCorrupt(_logger, symbol, reason);
        }
        else
        {
            Log.CacheMiss(_logger, symbol, status, cached is null ? reason : "it holds a lenient parse that skipped rows");
        }

        return null;
    }

    private static async ValueTask<(CsvReadResult Result, CsvStamp Stamp)> ParseAsync(string symbol, string path, bool lenient, CancellationToken cancellationToken)
    {
        try
        {
            return await CsvFile.ReadAsync(path, symbol, DisplayName(path), lenient, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Missing(symbol, path);
        }
    }

    private void WriteCache(CsvStamp stamp, CsvReadResult result)
    {
        if (Volatile.Read(ref _cacheWritesOff) != 0)
        {
            return;
        }

        try
        {
            _cache!.Write(stamp, result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Interlocked.Exchange(ref _cacheWritesOff, 1) == 0)
            {
                Log.CacheUnwritable(_logger, _cache!.Directory, e.Message);
            }
        }
    }

    // The symbols and the newest day as the folders stand: read again when the user's folder changes (an import, an
    // update or a push while this process runs), so a long-lived node or bot sees a new symbol or day without a restart.
    private DataSnapshot Current()
    {
        var stamp = DataFolderStamp.Of(_userDirectory);
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Stamp == stamp)
        {
            return snapshot;
        }

        lock (_snapshotGate)
        {
            snapshot = _snapshot;
            if (snapshot is null || snapshot.Stamp != stamp)
            {
                var universe = SymbolUniverse.Load(_directory, _logger, _userDirectory);
                Log.UniverseLoaded(_logger, universe.Symbols.Count, universe.AliasCount, _directory);
                snapshot = new DataSnapshot(stamp, universe, new Lazy<DateOnly?>(() => FindLastDay(universe)));
                _snapshot = snapshot;
            }

            return snapshot;
        }
    }

    private static DateOnly? FindLastDay(SymbolUniverse universe)
    {
        DateOnly? newest = null;
        foreach (string symbol in universe.Symbols)
        {
            if (CsvLastDay.TryRead(universe.PathOf(symbol)) is { } day && (newest is null || day > newest))
            {
                newest = day;
            }
        }

        return newest;
    }

    private static LoadedSeries ToLoaded(CsvReadResult result, bool fromCache, SymbolActions actions) =>
        new(SplitAdjuster.Adjust(result.Bars, actions.Splits), result.SkippedRows, fromCache, result.Warning is { } warning ? [warning] : [])
        {
            Dividends = actions.Dividends,
        };

    private sealed record DataSnapshot(DataFolderStamp Stamp, SymbolUniverse Universe, Lazy<DateOnly?> LastDay);

    // Errors name the file the way a user finds it: "data/TCS.csv" (bundled) or "market/TCS.csv" (the user's own).
    private static string DisplayName(string path) => Path.Combine(Path.GetFileName(Path.GetDirectoryName(path)) ?? string.Empty, Path.GetFileName(path));

    private static MarketDataException Missing(string symbol, string path) =>
        new($"The data file for {symbol} ({DisplayName(path)}) has gone missing since the data directory was read.");
}
