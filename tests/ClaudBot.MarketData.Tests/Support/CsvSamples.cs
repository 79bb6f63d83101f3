namespace ClaudBot.MarketData.Tests.Support;

/// <summary>Small CSV texts for tests.</summary>
public static class CsvSamples
{
    public const string BundledHeader = "Date,Open,High,Low,Close,Volume,Dividends,Stock Splits";

    public const string YahooHeader = "Date,Open,High,Low,Close,Volume";

    /// <summary>Joins lines with '\n' and a trailing newline.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    /// <summary>A bundled-layout row with the given date and prices.</summary>
    public static string Row(string date, double open, double high, double low, double close, long volume = 1000) =>
        FormattableString.Invariant($"{date} 00:00:00+05:30,{open},{high},{low},{close},{volume},0.0,0.0");

    /// <summary>A clean bundled-layout file of three rows, closes 10, 11, 12.</summary>
    public static string ThreeGoodRows() => Lines(
        BundledHeader,
        Row("2021-01-27", 10, 10.5, 9.5, 10),
        Row("2021-01-28", 11, 11.5, 10.5, 11),
        Row("2021-01-29", 12, 12.5, 11.5, 12));

    public static int Day(int year, int month, int day) => new DateOnly(year, month, day).DayNumber;
}
