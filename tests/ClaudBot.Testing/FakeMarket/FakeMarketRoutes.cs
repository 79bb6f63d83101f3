using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaudBot.Testing.FakeMarket;

/// <summary>
/// What the fake site serves: Yahoo's chart of a <c>SYMBOL.NS</c> it knows (404 with Yahoo's error otherwise), and NSE's
/// bhavcopy zip of a day with a session in the layout of that day's archive path (404 with an HTML page otherwise).
/// </summary>
internal static partial class FakeMarketRoutes
{
    public static FakeResponse Answer(FakeMarketData market, string path, string query)
    {
        if (YahooChartPath().Match(path) is { Success: true } chart)
        {
            string ticker = Uri.UnescapeDataString(chart.Groups[1].Value);
            var args = Query(query);
            if (!ticker.EndsWith(".NS", StringComparison.Ordinal) || !market.Symbols.Contains(ticker[..^3])
                || !args.TryGetValue("period1", out long period1) || !args.TryGetValue("period2", out long period2))
            {
                return FakeResponse.Json(404, System.Text.Encoding.UTF8.GetBytes(YahooChartJson.NotFound));
            }

            return FakeResponse.Json(200, YahooChartJson.Chart(market, ticker[..^3], period1, period2));
        }

        if (Day(path) is { } day && market.Calendar.SessionOn(day) is not null && BhavcopyZip.PathOf(day) == path)
        {
            return new FakeResponse(200, "application/zip", BhavcopyZip.Zip(market, day));
        }

        return FakeResponse.Text(404, "<html><head><title>404 Not Found</title></head><body>Not Found</body></html>");
    }

    private static DateOnly? Day(string path)
    {
        if (UdiffPath().Match(path) is { Success: true } udiff)
        {
            return DateOnly.ParseExact(udiff.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture);
        }

        return OldPath().Match(path) is { Success: true } old
            && DateOnly.TryParseExact(old.Groups[1].Value, "ddMMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
    }

    private static Dictionary<string, long> Query(string query)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            if (kv.Length == 2 && long.TryParse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
            {
                values[kv[0]] = value;
            }
        }

        return values;
    }

    [GeneratedRegex(@"^/v8/finance/chart/([^/]+)$")]
    private static partial Regex YahooChartPath();

    [GeneratedRegex(@"^/content/cm/BhavCopy_NSE_CM_0_0_0_(\d{8})_F_0000\.csv\.zip$")]
    private static partial Regex UdiffPath();

    [GeneratedRegex(@"^/content/historical/EQUITIES/\d{4}/[A-Z]{3}/cm(\d{2}[A-Z]{3}\d{4})bhav\.csv\.zip$")]
    private static partial Regex OldPath();
}
