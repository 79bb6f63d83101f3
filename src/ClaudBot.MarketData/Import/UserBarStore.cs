using System.Globalization;
using ClaudBot.Engine.Data;
using ClaudBot.MarketData.Csv;
using ClaudBot.MarketData.Symbols;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// The user's own market data (<see cref="MarketDataOptions.UserDirectory"/>, in the home folder): one canonical
/// <c>SYMBOL.csv</c> per symbol, layered over the bundled data (a symbol here wins, so its file holds the bundled rows
/// too). The bundled data is never edited. Merging keeps identical rows once and refuses a date whose prices differ,
/// showing both, unless asked to replace. Files are replaced whole (written beside, then renamed), so a kill mid-import
/// loses nothing. Not thread-safe: one import at a time.
/// </summary>
public sealed class UserBarStore
{
    private readonly TimeProvider _time;
    private Dictionary<string, SymbolSource>? _sources;

    public UserBarStore(string directory)
        : this(directory, TimeProvider.System)
    {
    }

    public UserBarStore(string directory, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(time);
        Directory = directory;
        _time = time;
    }

    public string Directory { get; }

    /// <summary>Each stored symbol's source and last update (empty when nothing was imported).</summary>
    public IReadOnlyDictionary<string, SymbolSource> Sources => _sources ??= SourceFile.Read(Directory);

    /// <summary>The path of a symbol's file here (whether or not it exists).</summary>
    public string PathOf(string symbol) => Path.Combine(Directory, SymbolName.Validate(symbol) + ".csv");

    /// <summary>Whether this store holds a file for the symbol.</summary>
    public bool Holds(string symbol) => File.Exists(PathOf(symbol));

    /// <summary>The symbol's rows in this store, raw (before any split adjustment), or null when it holds none.</summary>
    public BarSeries? ReadStored(string symbol)
    {
        string path = PathOf(symbol);
        return File.Exists(path) ? ReadFile(SymbolName.Validate(symbol), path) : null;
    }

    /// <param name="series">The rows read from a file, oldest first.</param>
    /// <param name="existing">The data as it stands (bundled and user); a bundled symbol not yet here starts from its rows.</param>
    /// <param name="replace">Take the imported row where a date's rows differ.</param>
    /// <exception cref="DataConflictException">A date's stored row differs and <paramref name="replace"/> is false; nothing is written.</exception>
    public MergeOutcome Merge(ImportedSeries series, IMarketData existing, bool replace)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(existing);
        var imported = series.Bars;
        string symbol = SymbolName.Validate(imported.Symbol);
        if (imported.Count == 0)
        {
            return new MergeOutcome(symbol, 0, 0, 0, default, default);
        }

        string path = PathOf(symbol);
        var stored = Stored(symbol, path, existing);
        var merge = BarMerge.Run(stored, imported, replace);
        if (merge.Result is null)
        {
            throw Conflict(symbol, stored!, imported, merge.Conflicts);
        }

        if (merge.Added + merge.Replaced > 0)
        {
            byte[] content = CanonicalCsv.Format(merge.Result);

            // Checked by the store's own parser before anything is written, so the store never holds a file it refuses to load.
            CsvBarParser.Parse(content, symbol, $"{symbol}'s merged rows", lenient: false);
            System.IO.Directory.CreateDirectory(Directory);
            DeleteLeftovers(Path.GetFileName(path));
            CanonicalCsv.WriteAtomically(path, content);
            var sources = new Dictionary<string, SymbolSource>(Sources, StringComparer.Ordinal) { [symbol] = new SymbolSource(series.Source, _time.GetUtcNow()) };
            DeleteLeftovers(SourceFile.FileName);
            SourceFile.Write(Directory, sources);
            _sources = sources;
        }

        return new MergeOutcome(symbol, merge.Added, merge.Identical, merge.Replaced, imported.FirstDate, imported.LastDate);
    }

    // A write cut short by a kill leaves its partial file (never read: it is not *.csv); the next write of the same file clears it.
    private void DeleteLeftovers(string fileName)
    {
        foreach (string leftover in System.IO.Directory.EnumerateFiles(Directory, fileName + ".*" + CanonicalCsv.PartialSuffix))
        {
            File.Delete(leftover);
        }
    }

    // The user's file when there is one (it may be newer than the store's list), else the bundled rows, else none.
    private static BarSeries? Stored(string symbol, string path, IMarketData existing)
    {
        if (File.Exists(path))
        {
            return ReadFile(symbol, path);
        }

        if (!existing.Symbols.Contains(symbol, StringComparer.Ordinal))
        {
            return null;
        }

        if (existing is MarketDataStore store)
        {
            return store.ReadRawBars(symbol);
        }

        // Another IMarketData (a test's, a listing's): its bars as loaded. A command-line import has no synchronization
        // context to deadlock on.
        return existing.LoadAsync(symbol, lenient: false).AsTask().GetAwaiter().GetResult().Bars;
    }

    private static BarSeries ReadFile(string symbol, string path)
    {
        string display = Path.Combine(Path.GetFileName(Path.GetDirectoryName(path)) ?? string.Empty, Path.GetFileName(path));
        return CsvFile.Read(path, symbol, display, lenient: false).Result.Bars;
    }

    private static DataConflictException Conflict(string symbol, BarSeries stored, BarSeries imported, List<(int Stored, int Imported)> conflicts)
    {
        var (s, i) = conflicts[0];
        string more = conflicts.Count == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (and {conflicts.Count - 1} more {(conflicts.Count == 2 ? "date differs" : "dates differ")})");
        return new DataConflictException(string.Create(CultureInfo.InvariantCulture,
            $"{symbol} {stored.DateAt(s):yyyy-MM-dd}: stored {Describe(stored, s)}, imported {Describe(imported, i)}{more}; run again with --replace to take the imported rows"));
    }

    private static string Describe(BarSeries bars, int index) => string.Create(CultureInfo.InvariantCulture,
        $"O {bars.Open[index]:R} H {bars.High[index]:R} L {bars.Low[index]:R} C {bars.Close[index]:R} V {bars.Volume[index]:R}");
}
