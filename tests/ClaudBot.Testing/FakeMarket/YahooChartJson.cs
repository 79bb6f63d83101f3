using System.Globalization;
using System.Text.Json;

namespace ClaudBot.Testing.FakeMarket;

/// <summary>
/// Answers of Yahoo's chart endpoint (<c>/v8/finance/chart/TICKER?period1&amp;period2&amp;interval=1d&amp;events=div,splits</c>)
/// in its published layout: <c>chart.result[0]</c> with <c>meta</c> (<c>gmtoffset</c> 19800 for NSE), <c>timestamp</c> (each
/// session's start, unix seconds), <c>events.splits</c> keyed by the ex-date's timestamp, and <c>indicators.quote[0]</c>
/// with the prices adjusted for every split after them, printed as Yahoo does, from single-precision floats.
/// </summary>
public static class YahooChartJson
{
    public const string NotFound = """{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}""";

    /// <summary>Yahoo's adjusted price of a raw one: divided by the splits still to come, as a float.</summary>
    public static double Adjusted(double raw, double factor) => (float)(raw / factor);

    public static byte[] Chart(FakeMarketData market, string symbol, long period1, long period2)
    {
        var sessions = market.Calendar.Sessions.Where(s => s.UnixStart >= period1 && s.UnixStart < period2).Select(s => (s.Day, Stamp: s.UnixStart)).ToList();
        var nulls = market.YahooNullDays.Select(d => (Day: d, Stamp: new FakeSession(d, FakeSession.RegularOpen).UnixStart)).Where(n => n.Stamp >= period1 && n.Stamp < period2);
        var rows = sessions.Select(s => (s.Day, s.Stamp, Bar: market.BarOn(symbol, s.Day)))
            .Concat(nulls.Select(n => (n.Day, n.Stamp, Bar: (FakeBar?)null)))
            .OrderBy(r => r.Stamp)
            .ToList();
        var splits = market.Splits.Where(s => s.Symbol == symbol).Select(s => (Split: s, Stamp: new FakeSession(s.Day, FakeSession.RegularOpen).UnixStart))
            .Where(s => s.Stamp >= period1 && s.Stamp < period2).ToList();

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("chart");
            json.WriteStartArray("result");
            json.WriteStartObject();
            WriteMeta(json, symbol, rows.Count > 0 ? rows[^1].Stamp : period2);
            json.WriteStartArray("timestamp");
            rows.ForEach(r => json.WriteNumberValue(r.Stamp));
            json.WriteEndArray();
            if (splits.Count > 0)
            {
                WriteSplits(json, splits);
            }

            json.WriteStartObject("indicators");
            json.WriteStartArray("quote");
            json.WriteStartObject();
            double Factor(DateOnly day) => market.Factor(symbol, day);
            WriteSeries(json, "open", rows, r => Adjusted(r.Bar!.Value.Open, Factor(r.Day)));
            WriteSeries(json, "high", rows, r => Adjusted(r.Bar!.Value.High, Factor(r.Day)));
            WriteSeries(json, "low", rows, r => Adjusted(r.Bar!.Value.Low, Factor(r.Day)));
            WriteSeries(json, "close", rows, r => Adjusted(r.Bar!.Value.Close, Factor(r.Day)));
            WriteSeries(json, "volume", rows, r => r.Bar!.Value.Volume * Factor(r.Day));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("adjclose");
            json.WriteStartObject();
            WriteSeries(json, "adjclose", rows, r => Adjusted(r.Bar!.Value.Close, Factor(r.Day)));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteNull("error");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteMeta(Utf8JsonWriter json, string symbol, long lastStamp)
    {
        json.WriteStartObject("meta");
        json.WriteString("currency", "INR");
        json.WriteString("symbol", symbol + ".NS");
        json.WriteString("exchangeName", "NSI");
        json.WriteString("fullExchangeName", "NSE");
        json.WriteString("instrumentType", "EQUITY");
        json.WriteNumber("firstTradeDate", 820467900);
        json.WriteNumber("regularMarketTime", lastStamp + 22_500);
        json.WriteBoolean("hasPrePostMarketData", false);
        json.WriteNumber("gmtoffset", 19800);
        json.WriteString("timezone", "IST");
        json.WriteString("exchangeTimezoneName", "Asia/Kolkata");
        json.WriteNumber("priceHint", 2);
        json.WriteString("dataGranularity", "1d");
        json.WriteString("range", string.Empty);
        json.WriteStartArray("validRanges");
        foreach (string range in (string[])["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"])
        {
            json.WriteStringValue(range);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSplits(Utf8JsonWriter json, List<(FakeSplit Split, long Stamp)> splits)
    {
        json.WriteStartObject("events");
        json.WriteStartObject("splits");
        foreach (var (split, stamp) in splits)
        {
            json.WriteStartObject(stamp.ToString(CultureInfo.InvariantCulture));
            json.WriteNumber("date", stamp);
            json.WriteNumber("numerator", (double)split.Numerator);
            json.WriteNumber("denominator", (double)split.Denominator);
            json.WriteString("splitRatio", string.Create(CultureInfo.InvariantCulture, $"{split.Numerator}:{split.Denominator}"));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSeries(Utf8JsonWriter json, string name, List<(DateOnly Day, long Stamp, FakeBar? Bar)> rows, Func<(DateOnly Day, long Stamp, FakeBar? Bar), double> value)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            if (row.Bar is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteNumberValue(value(row));
            }
        }

        json.WriteEndArray();
    }
}
