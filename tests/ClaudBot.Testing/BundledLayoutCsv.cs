namespace ClaudBot.Testing;

/// <summary>Small CSV files in the bundled layout.</summary>
public static class BundledLayoutCsv
{
    public const string Header = "Date,Open,High,Low,Close,Volume,Dividends,Stock Splits";

    /// <summary>Header, two good rows, a row whose Close is "abc" (line 4), then three good rows: five usable bars, 2022-01-03..2022-01-10.</summary>
    public static string WithBadCloseOnLine4() => string.Join('\n',
        Header,
        Row("2022-01-03", 100),
        Row("2022-01-04", 101),
        "2022-01-05 00:00:00+05:30,102,103,101,abc,1000,0.0,0.0",
        Row("2022-01-06", 103),
        Row("2022-01-07", 104),
        Row("2022-01-10", 105)) + "\n";

    public static string Row(string date, double close) =>
        FormattableString.Invariant($"{date} 00:00:00+05:30,{close},{close + 1},{close - 1},{close},1000,0.0,0.0");
}
