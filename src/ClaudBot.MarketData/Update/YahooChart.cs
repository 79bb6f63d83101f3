using System.Globalization;
using System.Text.Json;
using ClaudBot.MarketData.Import;

namespace ClaudBot.MarketData.Update;

/// <summary>
/// One answer of Yahoo's chart endpoint (<c>/v8/finance/chart/TICKER?interval=1d&amp;events=div,splits</c>): a bar per
/// <c>timestamp</c> (the session's start; its day is the timestamp plus <c>meta.gmtoffset</c>) from
/// <c>indicators.quote[0]</c>, and the splits of <c>events.splits</c>. A day whose prices are null had no trade and is
/// counted, not kept. Yahoo's prices are adjusted for every split after them; <see cref="RawBars"/> undoes that.
/// </summary>
internal sealed record YahooChart(IReadOnlyList<DayBar> Bars, IReadOnlyList<SplitEvent> Splits, int EmptyDays)
{
    /// <exception cref="MarketDataException">The body is not a chart (Yahoo's own error, or not its layout).</exception>
    public static YahooChart Parse(byte[] body, string symbol, string ticker)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var chart = document.RootElement.GetProperty("chart");
            if (chart.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                throw new MarketDataException($"Yahoo has no {ticker}: {Describe(error)}");
            }

            var result = chart.GetProperty("result")[0];
            long offset = result.GetProperty("meta").TryGetProperty("gmtoffset", out var gmt) ? gmt.GetInt64() : 0;
            var bars = new List<DayBar>();
            int empty = 0;
            if (result.TryGetProperty("timestamp", out var stamps))
            {
                var quote = result.GetProperty("indicators").GetProperty("quote")[0];
                var (open, high, low, close, volume) = (quote.GetProperty("open"), quote.GetProperty("high"), quote.GetProperty("low"), quote.GetProperty("close"), quote.GetProperty("volume"));
                for (int i = 0; i < stamps.GetArrayLength(); i++)
                {
                    if (open[i].ValueKind != JsonValueKind.Number || high[i].ValueKind != JsonValueKind.Number || low[i].ValueKind != JsonValueKind.Number
                        || close[i].ValueKind != JsonValueKind.Number)
                    {
                        empty++;
                        continue;
                    }

                    double shares = volume[i].ValueKind == JsonValueKind.Number ? volume[i].GetDouble() : 0;
                    bars.Add(new DayBar(Day(stamps[i].GetInt64(), offset), open[i].GetDouble(), high[i].GetDouble(), low[i].GetDouble(), close[i].GetDouble(), shares));
                }
            }

            return new YahooChart(bars, ReadSplits(result, symbol, offset), empty);
        }
        catch (Exception bad) when (bad is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            throw new MarketDataException($"Yahoo's answer for {ticker} is not a chart in the known layout ({bad.GetType().Name})", bad);
        }
    }

    /// <summary>
    /// The bars as traded: a bar before a split has its prices multiplied by the ratio (and its volume divided), as
    /// many times as splits follow it, then prices are rounded to the paisa and volume to a share, which is how NSE prints them.
    /// Every bar is rounded, split or not: Yahoo prints single-precision floats (3840.55 comes as 3840.550048828125).
    /// </summary>
    public IReadOnlyList<DayBar> RawBars() => [.. Bars.Select(bar =>
    {
        double factor = Splits.Where(s => s.Date > bar.Day).Aggregate(1.0, (f, s) => f * s.Ratio);
        return new DayBar(bar.Day, Paisa(bar.Open * factor), Paisa(bar.High * factor), Paisa(bar.Low * factor), Paisa(bar.Close * factor), Math.Round(bar.Volume / factor));
    })];

    private static double Paisa(double price) => Math.Round(price, 2, MidpointRounding.AwayFromZero);

    private static IReadOnlyList<SplitEvent> ReadSplits(JsonElement result, string symbol, long offset)
    {
        if (!result.TryGetProperty("events", out var events) || !events.TryGetProperty("splits", out var splits))
        {
            return [];
        }

        var list = new List<SplitEvent>();
        foreach (var split in splits.EnumerateObject())
        {
            double numerator = split.Value.GetProperty("numerator").GetDouble();
            double denominator = split.Value.GetProperty("denominator").GetDouble();
            if (numerator > 0 && denominator > 0 && numerator != denominator)
            {
                list.Add(new SplitEvent(symbol, Day(split.Value.GetProperty("date").GetInt64(), offset), numerator / denominator));
            }
        }

        return [.. list.OrderBy(s => s.Date)];
    }

    private static DateOnly Day(long unixSeconds, long offsetSeconds) =>
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds + offsetSeconds).UtcDateTime);

    private static string Describe(JsonElement error) =>
        error.TryGetProperty("description", out var text) && text.GetString() is { Length: > 0 } description
            ? description
            : string.Create(CultureInfo.InvariantCulture, $"{error}");
}
