using System.Globalization;
using ClaudBot.Engine.Data;

namespace ClaudBot.Engine.Tests.Support;

/// <summary>
/// Bars for tests: small hand-made series, and the bundled CSVs read with a deliberately minimal parser
/// (the engine's tests must not depend on the MarketData loader they help to check).
/// </summary>
internal static class TestBars
{
    public static readonly DateOnly Monday = new(2024, 1, 1);

    /// <summary>A series whose open, high, low and close are all the given prices, one bar per day.</summary>
    public static BarSeries FromCloses(params double[] closes) => FromOpenClose(closes, closes);

    public static BarSeries FromOpenClose(double[] opens, double[] closes)
    {
        int n = closes.Length;
        var days = Enumerable.Range(0, n).Select(i => Monday.DayNumber + i).ToArray();
        var high = opens.Zip(closes, Math.Max).ToArray();
        var low = opens.Zip(closes, Math.Min).ToArray();
        return new BarSeries("TEST", days, opens, high, low, closes, new double[n]);
    }

    /// <summary>A series with every price given (for stops and targets, which read the high and the low).</summary>
    public static BarSeries FromOhlc(double[] opens, double[] highs, double[] lows, double[] closes)
    {
        var days = Enumerable.Range(0, closes.Length).Select(i => Monday.DayNumber + i).ToArray();
        return new BarSeries("TEST", days, opens, highs, lows, closes, new double[closes.Length]);
    }

    public static BarSeries Load(string symbol)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", symbol + ".csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        var days = new int[lines.Length];
        var columns = new double[5][];
        for (int c = 0; c < 5; c++)
        {
            columns[c] = new double[lines.Length];
        }

        for (int i = 0; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            days[i] = DateOnly.ParseExact(fields[0][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
            for (int c = 0; c < 5; c++)
            {
                columns[c][i] = double.Parse(fields[c + 1], CultureInfo.InvariantCulture);
            }
        }

        return new BarSeries(symbol, days, columns[0], columns[1], columns[2], columns[3], columns[4]);
    }
}
