using System.Globalization;
using System.Net;
using ClaudBot.MarketData.Import;
using ClaudBot.MarketData.Symbols;

namespace ClaudBot.MarketData.Update;

/// <summary>
/// Fetches NSE's bhavcopy of every calendar day any symbol lacks, one request per day for all of them. Weekends are asked
/// too: NSE has held sessions on them (Muhurat trading on a Diwali Sunday, special Saturdays), and a day without a
/// session is only a quick 404. Each file is saved beside the store, read with the import's reader (EQ series only) and
/// merged into each symbol that lacks that day. Prices are as traded.
/// </summary>
internal static class NseUpdate
{

    public static async Task RunAsync(UpdateRun run, Uri archive, string storeDirectory, IReadOnlyList<UpdateTarget> targets, CancellationToken cancellationToken)
    {
        foreach (var index in targets.Where(t => t.Problem is null && IndexSymbols.IsNifty50(t.Symbol)))
        {
            run.Fail(index.Symbol, $"{index.Symbol} is an index and NSE's bhavcopy holds only stocks: update it with --source yahoo");
        }

        var work = targets.Where(t => t.Problem is null && t.Missing.Count > 0 && !IndexSymbols.IsNifty50(t.Symbol)).ToList();
        if (work.Count == 0)
        {
            return;
        }

        var first = work.Min(t => t.Missing[0].From);
        var last = work.Max(t => t.Missing[^1].To);
        int total = last.DayNumber - first.DayNumber + 1;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            run.Progress(day.DayNumber - first.DayNumber, total, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            string unit = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var lacking = work.Where(t => t.Lacks(day)).ToList();
            if (lacking.Count == 0 || run.Journal.IsDone(unit))
            {
                continue;
            }

            var fetched = await run.Client.GetAsync(NseArchive.For(archive, day), cancellationToken).ConfigureAwait(false);
            if (fetched.Status == HttpStatusCode.NotFound)
            {
                run.EmptyDays++;
            }
            else if (!fetched.IsSuccess)
            {
                throw new MarketDataException(string.Create(CultureInfo.InvariantCulture,
                    $"NSE answered {(int)fetched.Status} {fetched.Status} for the bhavcopy of {unit}"));
            }
            else
            {
                Store(run, storeDirectory, day, fetched.Body, lacking);
            }

            run.Journal.Done(unit);
        }

        run.Progress(total, total, string.Empty);
    }

    private static void Store(UpdateRun run, string storeDirectory, DateOnly day, byte[] body, List<UpdateTarget> lacking)
    {
        string folder = Directory.CreateDirectory(Path.Combine(storeDirectory, UpdateJournal.FolderName)).FullName;
        string path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"bhavcopy_{day:yyyyMMdd}.zip"));
        File.WriteAllBytes(path, body);
        try
        {
            var bySymbol = BarFileReader.Read(path, ImportFormat.Bhavcopy).ToDictionary(s => s.Symbol, StringComparer.Ordinal);
            foreach (var target in lacking)
            {
                if (bySymbol.TryGetValue(target.Symbol, out var series) && series.Bars.Count > 0 && series.Bars.Days[0] == day.DayNumber)
                {
                    var bars = series.Bars;
                    try
                    {
                        run.Store(target.Symbol, [new DayBar(day, bars.Open[0], bars.High[0], bars.Low[0], bars.Close[0], bars.Volume[0])], "nse");
                    }
                    catch (MarketDataException refused)
                    {
                        run.Fail(target.Symbol, refused.Message);
                    }
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
