using System.Globalization;
using System.Text;
using ClaudBot.Engine.Data;

namespace ClaudBot.MarketData.Tests.Import;

/// <summary>
/// Canonical bars written the way another tool exports them: the layouts a trader brings (Indian brokers', NSE's, Yahoo's,
/// Kite's). Every number is written in its round-trip form, so reading it back must give the same doubles exactly.
/// </summary>
public sealed record HiddenLayout(string Name, Func<BarSeries, string> Write)
{
    public override string ToString() => Name;

    public static IReadOnlyList<HiddenLayout> All { get; } =
    [
        new("quoted thousands, semicolons", bars => Text(bars, "Date;Open;High;Low;Close;Volume", i =>
            $"{Iso(bars, i)};{Quoted(bars.Open[i])};{Quoted(bars.High[i])};{Quoted(bars.Low[i])};{Quoted(bars.Close[i])};{Quoted(bars.Volume[i])}")),
        new("DD-MM-YYYY", bars => Text(bars, "Date,Open,High,Low,Close,Volume", i => $"{Date(bars, i, "dd-MM-yyyy")},{Prices(bars, i, ",")}")),
        new("DD/MM/YYYY", bars => Text(bars, "Date,Open,High,Low,Close,Volume", i => $"{Date(bars, i, "dd/MM/yyyy")},{Prices(bars, i, ",")}")),
        new("DD-Mon-YYYY", bars => Text(bars, "Date,Open,High,Low,Close,Volume", i => $"{Date(bars, i, "dd-MMM-yyyy")},{Prices(bars, i, ",")}")),
        new("DD-MON-YYYY", bars => Text(bars, "DATE,OPEN,HIGH,LOW,CLOSE,VOLUME", i => $"{Date(bars, i, "dd-MMM-yyyy").ToUpperInvariant()},{Prices(bars, i, ",")}")),
        new("newest first", bars => Text(bars, "Date,Open,High,Low,Close,Volume", i => $"{Iso(bars, i)},{Prices(bars, i, ",")}", newestFirst: true)),
        new("BOM and CRLF", bars => "\uFEFF" + Text(bars, "Date,Open,High,Low,Close,Volume", i => $"{Iso(bars, i)},{Prices(bars, i, ",")}", newline: "\r\n") + "\r\n\r\n"),
        new("Yahoo with Adj Close", bars => Text(bars, "Date,Open,High,Low,Close,Adj Close,Volume", i =>
            $"{Iso(bars, i)},{R(bars.Open[i])},{R(bars.High[i])},{R(bars.Low[i])},{R(bars.Close[i])},{R(bars.Close[i] * 0.97)},{R(bars.Volume[i])}")),
        new("Kite with times", bars => Text(bars, "date,open,high,low,close,volume", i => $"{Iso(bars, i)}T09:15:00+05:30,{Prices(bars, i, ",")}")),
        new("generic, tab, odd names", bars => Text(bars, "Timestamp\tSeries\tOpen Price\tHIGH_PRICE\tlow price\tLTP\tShares Traded\tTurnover", i =>
            $"{Iso(bars, i)} 00:00:00\tEQ\t{R(bars.Open[i])}\t{R(bars.High[i])}\t{R(bars.Low[i])}\t{R(bars.Close[i])}\t{R(bars.Volume[i])}\t12.5")),
        new("NSE history export", bars => Text(bars,
            "\"Date \",\"series \",\"OPEN \",\"HIGH \",\"LOW \",\"PREV. CLOSE \",\"ltp \",\"close \",\"vwap \",\"52W H \",\"52W L \",\"VOLUME \",\"VALUE \",\"No of trades \"",
            i => $"\"{Date(bars, i, "dd-MMM-yyyy")}\",\"EQ\",{Quoted(bars.Open[i])},{Quoted(bars.High[i])},{Quoted(bars.Low[i])},\"1.00\",\"{R(bars.Close[i] + 0.05)}\"," +
                 $"{Quoted(bars.Close[i])},\"1,000.00\",\"5,000.00\",\"1.00\",{Quoted(bars.Volume[i])},\"1,234,567.00\",\"1,234\"", newestFirst: true)),
    ];

    private static string Text(BarSeries bars, string header, Func<int, string> row, bool newestFirst = false, string newline = "\n")
    {
        var text = new StringBuilder(header).Append(newline);
        for (int n = 0; n < bars.Count; n++)
        {
            text.Append(row(newestFirst ? bars.Count - 1 - n : n)).Append(newline);
        }

        return text.ToString();
    }

    private static string Prices(BarSeries bars, int i, string separator) =>
        string.Join(separator, R(bars.Open[i]), R(bars.High[i]), R(bars.Low[i]), R(bars.Close[i]), R(bars.Volume[i]));

    private static string Iso(BarSeries bars, int i) => Date(bars, i, "yyyy-MM-dd");

    private static string Date(BarSeries bars, int i, string format) => bars.DateAt(i).ToString(format, CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The round-trip digits with thousands separators in the whole part, in quotes: <c>"2,900.9533765941983"</c>.</summary>
    private static string Quoted(double value)
    {
        string digits = R(value);
        int point = digits.IndexOf('.', StringComparison.Ordinal);
        string whole = point < 0 ? digits : digits[..point];
        string fraction = point < 0 ? string.Empty : digits[point..];
        var grouped = new StringBuilder();
        for (int i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0)
            {
                grouped.Append(',');
            }

            grouped.Append(whole[i]);
        }

        return $"\"{grouped}{fraction}\"";
    }
}
