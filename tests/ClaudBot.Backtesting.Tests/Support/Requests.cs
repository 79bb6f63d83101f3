namespace ClaudBot.Backtesting.Tests.Support;

/// <summary>Short ways to write requests.</summary>
public static class Requests
{
    public static BacktestRequest Of(string strategies, string symbols, string from, string to) =>
        new(strategies, symbols.Split(','), DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
}
