using System.Diagnostics;
using ClaudBot.MarketData;
using ClaudBot.MarketData.Csv;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bench;

/// <summary>
/// Load time of one real symbol: parsing its CSV (what the first load costs), reading the binary cache
/// through a fresh store (what a new process pays once the cache exists), and a repeat load in the same
/// store. Works on a copy in a temporary folder so the user's cache is not touched.
/// </summary>
internal static class DataLoadBench
{
    public static async Task<DataLoadFigures> RunAsync(string csvPath, TimeSpan perMeasure, CancellationToken cancellationToken)
    {
        string folder = Directory.CreateTempSubdirectory("claudbot-bench-").FullName;
        try
        {
            string copy = Path.Combine(folder, Path.GetFileName(csvPath));
            File.Copy(csvPath, copy);
            var options = Options.Create(new MarketDataOptions { Directory = folder, CacheDirectory = Path.Combine(folder, ".cache") });
            string symbol = Path.GetFileNameWithoutExtension(copy).ToUpperInvariant();

            int bars = CsvBarReader.Read(copy).Bars.Count;
            double parse = await MeasureAsync(perMeasure, () => CsvBarReader.ReadAsync(copy, cancellationToken: cancellationToken));
            var store = new MarketDataStore(options, NullLogger<MarketDataStore>.Instance);
            await store.LoadAsync(symbol, cancellationToken: cancellationToken); // writes the cache
            double cached = await MeasureAsync(perMeasure, () => new MarketDataStore(options, NullLogger<MarketDataStore>.Instance).LoadAsync(symbol, cancellationToken: cancellationToken));
            double memo = await MeasureAsync(perMeasure, () => store.LoadAsync(symbol, cancellationToken: cancellationToken));
            return new DataLoadFigures(symbol, bars, parse, cached, memo);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> MeasureAsync<T>(TimeSpan duration, Func<ValueTask<T>> load)
    {
        for (int i = 0; i < 20; i++)
        {
            await load();
        }

        long runs = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await load();
            runs++;
        }

        return clock.Elapsed.TotalMicroseconds / runs;
    }
}
