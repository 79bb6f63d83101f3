using ClaudBot.Engine.Data;
using ClaudBot.MarketData.Import;

namespace ClaudBot.MarketData.Tests.Import;

/// <summary>Imported series built directly (no file reader): rows of (date, close) with open = close - 1, high = close + 1, low = close - 2.</summary>
internal static class ImportedBars
{
    public static ImportedSeries Of(string symbol, params (string Date, double Close)[] rows) => new(Series(symbol, rows), [])
    {
        Source = "import:test.csv",
    };

    public static BarSeries Series(string symbol, params (string Date, double Close)[] rows) => new(
        symbol,
        [.. rows.Select(r => DateOnly.Parse(r.Date, System.Globalization.CultureInfo.InvariantCulture).DayNumber)],
        [.. rows.Select(r => r.Close - 1)],
        [.. rows.Select(r => r.Close + 1)],
        [.. rows.Select(r => r.Close - 2)],
        [.. rows.Select(r => r.Close)],
        [.. rows.Select(_ => 1000d)]);
}
