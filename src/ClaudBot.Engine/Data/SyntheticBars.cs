namespace ClaudBot.Engine.Data;

/// <summary>
/// Deterministic random-walk bars for benchmarks and tests that need long series: daily log returns
/// with mild volatility, consistent OHLC, weekdays only.
/// </summary>
public static class SyntheticBars
{
    public static BarSeries RandomWalk(int count, int seed = 42, string symbol = "SYNTH")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var days = new int[count];
        var open = new double[count];
        var high = new double[count];
        var low = new double[count];
        var close = new double[count];
        var volume = new double[count];
        var day = new DateOnly(2000, 1, 3);
        double price = 100;
        for (int i = 0; i < count; i++)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            days[i] = day.DayNumber;
            day = day.AddDays(1);
            open[i] = price * Math.Exp(Gaussian(random) * 0.005);
            price = open[i] * Math.Exp((Gaussian(random) * 0.015) + 0.0002);
            close[i] = price;
            high[i] = Math.Max(open[i], close[i]) * (1 + (random.NextDouble() * 0.01));
            low[i] = Math.Min(open[i], close[i]) * (1 - (random.NextDouble() * 0.01));
            volume[i] = random.Next(100_000, 5_000_000);
        }

        return new BarSeries(symbol, days, open, high, low, close, volume);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
