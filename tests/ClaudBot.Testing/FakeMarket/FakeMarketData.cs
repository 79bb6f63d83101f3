namespace ClaudBot.Testing.FakeMarket;

/// <summary>
/// A small deterministic market: each symbol's raw bar on every session of the calendar, prices on the paisa and
/// volumes that divide by any split. A split makes the raw prices before it higher by its ratio, as traded.
/// </summary>
public sealed class FakeMarketData
{
    public FakeMarketData(FakeCalendar calendar, IReadOnlyList<string> symbols, IReadOnlyList<FakeSplit>? splits = null, IReadOnlyList<DateOnly>? yahooNullDays = null)
    {
        Calendar = calendar;
        Symbols = symbols;
        Splits = splits ?? [];
        YahooNullDays = yahooNullDays ?? [];
    }

    public FakeCalendar Calendar { get; }

    public IReadOnlyList<string> Symbols { get; }

    public IReadOnlyList<FakeSplit> Splits { get; }

    /// <summary>Holidays Yahoo lists anyway, with null prices (it does for some NSE holidays).</summary>
    public IReadOnlyList<DateOnly> YahooNullDays { get; }

    /// <summary>The product of the ratios of the symbol's splits after <paramref name="day"/>: raw = adjusted x this.</summary>
    public double Factor(string symbol, DateOnly day) =>
        Splits.Where(s => s.Symbol == symbol && s.Day > day).Aggregate(1.0, (f, s) => f * s.Ratio);

    /// <summary>The symbol's raw bars from <paramref name="from"/> to <paramref name="to"/>, oldest first.</summary>
    public IReadOnlyList<FakeBar> Bars(string symbol, DateOnly? from = null, DateOnly? to = null)
    {
        int s = IndexOf(symbol);
        var bars = new List<FakeBar>();
        for (int i = 0; i < Calendar.Sessions.Count; i++)
        {
            var session = Calendar.Sessions[i];
            if ((from is { } f && session.Day < f) || (to is { } t && session.Day > t))
            {
                continue;
            }

            bars.Add(Bar(symbol, s, i, session));
        }

        return bars;
    }

    public FakeBar? BarOn(string symbol, DateOnly day) => Bars(symbol, day, day) is [var bar] ? bar : null;

    private FakeBar Bar(string symbol, int s, int i, FakeSession session)
    {
        double factor = Factor(symbol, session.Day);

        // A level in paise; the raw price is the level times the splits still to come, so it stays on the paisa.
        double close = Paisa((1000 + (500 * s) + (((i * 37) + (s * 11)) % 200 * 0.05)) * factor);
        double open = Paisa(close - (1.5 * factor));
        double high = Paisa(Math.Max(open, close) + (2.25 * factor));
        double low = Paisa(Math.Min(open, close) - (1.75 * factor));

        // A short Muhurat session trades far less.
        long level = 1200L * (10 + i + s) * (session.Special ? 1 : 20);
        return new FakeBar(symbol, session.Day, open, high, low, close, (long)Math.Round(level / factor));
    }

    private int IndexOf(string symbol)
    {
        for (int i = 0; i < Symbols.Count; i++)
        {
            if (Symbols[i] == symbol)
            {
                return i;
            }
        }

        throw new ArgumentException($"{symbol} is not in the fake market", nameof(symbol));
    }

    private static double Paisa(double price) => Math.Round(price, 2, MidpointRounding.AwayFromZero);
}
