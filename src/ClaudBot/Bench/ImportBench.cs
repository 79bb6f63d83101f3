using System.Diagnostics;
using System.Globalization;
using ClaudBot.MarketData;
using ClaudBot.MarketData.Import;
using ClaudBot.UserData;

namespace ClaudBot.Bench;

/// <summary>
/// Times <c>claudbot data import</c> on generated files: N symbols of Y years of weekday bars each, in the canonical
/// layout, imported through the command's own path (reader, merge, report) into a fresh store in a temp folder. Memory
/// is sampled every few milliseconds while it runs; both folders are deleted at the end.
/// </summary>
internal static class ImportBench
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(5);

    public static ImportFigures Run(CliConsoles consoles, int symbols, int years, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("claudbot-bench-import-");
        try
        {
            string incoming = Directory.CreateDirectory(Path.Combine(folder.FullName, "incoming")).FullName;
            var (files, rows) = Generate(incoming, symbols, years, cancellationToken);
            var existing = new ListedMarketData(new DataListing([], [], null));
            var importer = new FileImporter(new UserBarStore(Path.Combine(folder.FullName, "store")), existing, ImportFormat.Auto, symbol: null, replace: false);
            var report = new ImportReport { FileCount = files.Length };

            GC.Collect();
            long before = Environment.WorkingSet;
            using var sampler = new MemorySampler(SampleEvery);
            var clock = Stopwatch.StartNew();
            Commands.DataImportCommand.Run(consoles, files, importer, report, cancellationToken);
            clock.Stop();
            sampler.Stop();
            long bytes = files.Sum(f => new FileInfo(f).Length);
            long largest = files.Max(f => new FileInfo(f).Length);
            return new ImportFigures(symbols, years, rows, bytes, largest, clock.Elapsed, before, sampler.PeakWorkingSet, sampler.PeakHeap);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // A random walk per symbol, weekdays only, written straight to disk so generating holds no more than a row.
    private static (string[] Files, long Rows) Generate(string folder, int symbols, int years, CancellationToken cancellationToken)
    {
        var files = new string[symbols];
        long rows = 0;
        var random = new Random(15);
        var start = new DateOnly(2026 - years, 1, 1);
        for (int s = 0; s < symbols; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            files[s] = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"GEN{s:D4}.csv"));
            using var writer = new StreamWriter(files[s]) { NewLine = "\n" };
            writer.WriteLine("Date,Open,High,Low,Close,Volume");
            double close = 100 + random.Next(1_000);
            for (var day = start; day < start.AddYears(years); day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                double open = close;
                close = Math.Round(Math.Max(1, close * (1 + ((random.NextDouble() - 0.5) * 0.04))), 2);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{day:yyyy-MM-dd},{open},{Math.Max(open, close) + 0.5},{Math.Min(open, close) - 0.25},{close},{random.Next(1_000, 1_000_000)}"));
                rows++;
            }
        }

        return (files, rows);
    }
}
