namespace ClaudBot.Charts.Tests.Support;

/// <summary>Equity curves for the tests: straight lines and seeded random walks on weekdays.</summary>
internal static class SampleSeries
{
    public static readonly DateOnly Start = new(2020, 1, 1);

    /// <summary>Equity moving in a straight line from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static EquitySeries Line(string label, double from, double to, int points = 250, bool benchmark = false)
    {
        var equity = new double[points];
        for (int i = 0; i < points; i++)
        {
            equity[i] = from + ((to - from) * i / (points - 1));
        }

        return new EquitySeries(label, Weekdays(Start, points), equity) { IsBenchmark = benchmark };
    }

    /// <summary>A geometric random walk, the same for the same seed.</summary>
    public static EquitySeries Walk(string label, int points, int seed, double start = 100_000, double drift = 0.0004, DateOnly? first = null, bool benchmark = false)
    {
        var random = new Random(seed);
        var equity = new double[points];
        double value = start;
        for (int i = 0; i < points; i++)
        {
            equity[i] = value;
            double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            value *= Math.Exp(drift + (0.012 * normal));
        }

        return new EquitySeries(label, Weekdays(first ?? Start, points), equity) { IsBenchmark = benchmark };
    }

    /// <summary>A buy-and-hold benchmark and <paramref name="strategies"/> walks starting at different dates and capitals.</summary>
    public static EquityChartRequest Request(int strategies, int points = 1250)
    {
        var series = new List<EquitySeries> { Walk("Buy & hold TCS", points, 1, benchmark: true) };
        for (int i = 0; i < strategies; i++)
        {
            int late = i * points / 40;
            series.Add(Walk($"#{i + 1} rsi(period={7 + i}, lower=30)", points - late, 10 + i, 50_000 * (i + 1), 0.0006 - (i * 0.0001), Start.AddDays(late * 7 / 5)));
        }

        return new EquityChartRequest($"TCS: top {strategies} results against buy-and-hold", series);
    }

    public static DateOnly[] Weekdays(DateOnly first, int count)
    {
        var dates = new DateOnly[count];
        var date = first;
        for (int i = 0; i < count; i++)
        {
            while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                date = date.AddDays(1);
            }

            dates[i] = date;
            date = date.AddDays(1);
        }

        return dates;
    }
}
