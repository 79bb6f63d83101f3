using BenchmarkDotNet.Attributes;
using ClaudBot.MarketData;
using ClaudBot.MarketData.Cache;
using ClaudBot.MarketData.Csv;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Benchmarks;

/// <summary>
/// Loading one real symbol (RELIANCE, 1,238 bars): a cold CSV parse against the binary cache a
/// second process reads, and the in-process memo a second load in the same process hits.
/// </summary>
[MemoryDiagnoser]
public class MarketDataLoadBenchmarks
{
    private const string Symbol = "RELIANCE";
    private string _dataDirectory = string.Empty;
    private string _csvPath = string.Empty;
    private string _cacheDirectory = string.Empty;
    private BarCache _cache = null!;
    private MarketDataStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dataDirectory = Path.Combine(FindRepositoryRoot(), "data");
        _csvPath = Path.Combine(_dataDirectory, Symbol + ".csv");
        _cacheDirectory = Path.Combine(Path.GetTempPath(), "claudbot-bench-" + Guid.NewGuid().ToString("N"));
        _cache = new BarCache(_cacheDirectory);
        _cache.Write(CsvStamp.FromPath(_csvPath), CsvBarReader.Read(_csvPath));
        var options = Options.Create(new MarketDataOptions { Directory = _dataDirectory, CacheDirectory = _cacheDirectory });
        _store = new MarketDataStore(options, NullLogger<MarketDataStore>.Instance);
        _ = _store.LoadAsync(Symbol).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_cacheDirectory, recursive: true);

    /// <summary>Read the file and parse every row: what the first load of a symbol costs.</summary>
    [Benchmark(Baseline = true)]
    public CsvReadResult ColdCsvParse() => CsvBarReader.Read(_csvPath);

    /// <summary>Stat the CSV and read the checked cache file into the arrays: a later process's first load.</summary>
    [Benchmark]
    public CsvReadResult? CachedLoad() => _cache.TryRead(Symbol, CsvStamp.FromPath(_csvPath), out _, out _);

    /// <summary>A repeat load in the same process (stat plus memo lookup).</summary>
    [Benchmark]
    public ValueTask<LoadedSeries> MemoisedLoad() => _store.LoadAsync(Symbol);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClaudBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ClaudBot.sln above {AppContext.BaseDirectory}.");
    }
}
