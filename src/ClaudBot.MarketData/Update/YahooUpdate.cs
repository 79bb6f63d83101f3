using System.Globalization;
using System.Net;
using ClaudBot.MarketData.Symbols;

namespace ClaudBot.MarketData.Update;

/// <summary>
/// Fetches each symbol's missing days from Yahoo's chart endpoint, one request per symbol. The request runs from the first
/// missing day to now, not to the last one asked: Yahoo adjusts prices for every split after them but lists only the
/// splits inside the request, so only a request reaching today shows every split to undo.
/// </summary>
internal static class YahooUpdate
{
    /// <summary>Yahoo's name of the NIFTY 50 index, for the names the index is kept under here.</summary>
    private const string IndexTicker = "^NSEI";

    public static async Task RunAsync(UpdateRun run, Uri yahoo, IReadOnlyList<UpdateTarget> targets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var work = targets.Where(t => t.Problem is null && t.Missing.Count > 0).ToList();
        for (int i = 0; i < work.Count; i++)
        {
            var target = work[i];
            run.Progress(i, work.Count, target.Symbol);
            if (run.Journal.IsDone(target.Symbol))
            {
                continue;
            }

            string ticker = Ticker(target.Symbol);
            var fetched = await run.Client.GetAsync(Url(yahoo, ticker, target.Missing[0].From, now), cancellationToken).ConfigureAwait(false);
            if (Problem(fetched, ticker) is { } problem)
            {
                run.Fail(target.Symbol, problem);
            }
            else
            {
                try
                {
                    Store(run, target, YahooChart.Parse(fetched.Body, target.Symbol, ticker));
                }
                catch (MarketDataException unreadable)
                {
                    run.Fail(target.Symbol, unreadable.Message);
                }
            }

            // A source still failing after its retries is asked again by the next run; an answer (even "no such symbol") is final.
            if (!fetched.IsTransient)
            {
                run.Journal.Done(target.Symbol);
            }
        }

        run.Progress(work.Count, work.Count, string.Empty);
    }

    public static string Ticker(string symbol) => IndexSymbols.IsNifty50(symbol) ? IndexTicker : symbol + ".NS";

    internal static Uri Url(Uri yahoo, string ticker, DateOnly from, DateTimeOffset now)
    {
        long start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        return new Uri(UpdateHttp.Folder(yahoo), string.Create(CultureInfo.InvariantCulture,
            $"v8/finance/chart/{Uri.EscapeDataString(ticker)}?period1={start}&period2={now.ToUnixTimeSeconds()}&interval=1d&events=div%2Csplits"));
    }

    private static void Store(UpdateRun run, UpdateTarget target, YahooChart chart)
    {
        // Yahoo may list a day twice (the live bar beside the day's): the later one stands.
        var kept = chart.RawBars().Where(b => target.Lacks(b.Day)).GroupBy(b => b.Day).Select(g => g.Last()).OrderBy(b => b.Day).ToList();
        run.EmptyDays += chart.EmptyDays;
        run.Store(target.Symbol, kept, "yahoo");

        // The stored rows are raw, so every split up to the newest stored day goes to actions.csv, to adjust them on load.
        if (kept.Count > 0)
        {
            run.RecordSplits(chart.Splits.Where(s => s.Date <= kept[^1].Day));
        }
    }

    private static string? Problem(Fetched fetched, string ticker)
    {
        if (fetched.IsSuccess)
        {
            return null;
        }

        if (fetched.Status == HttpStatusCode.NotFound)
        {
            try
            {
                YahooChart.Parse(fetched.Body, ticker, ticker);
            }
            catch (MarketDataException unknown)
            {
                return unknown.Message;
            }

            return $"Yahoo has no {ticker}";
        }

        return string.Create(CultureInfo.InvariantCulture, $"Yahoo answered {(int)fetched.Status} {fetched.Status} for {ticker}");
    }
}
