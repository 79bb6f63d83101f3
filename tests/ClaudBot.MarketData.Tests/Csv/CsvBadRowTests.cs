using ClaudBot.MarketData.Csv;
using ClaudBot.MarketData.Tests.Support;

namespace ClaudBot.MarketData.Tests.Csv;

public sealed class CsvBadRowTests
{
    private const string Day3 = "2021-01-29 00:00:00+05:30";

    /// <summary>A bad row (line 4) between good rows on lines 2, 3 and 5, and the reason it is bad.</summary>
    public static TheoryData<string, string> BadRows => new()
    {
        { $"{Day3},12,12.5,11.5,abc,1000,0.0,0.0", "'Close' is not a number: \"abc\"" },
        { $"{Day3},12,,11.5,12,1000,0.0,0.0", "'High' is empty" },
        { $"{Day3},12,12.5,11.5,12,1000", "missing fields: the row has 6 but the header has 8" },
        { $"{Day3},12,12.5,11.5,12,1000,0.0,0.0,9", "too many fields: the row has 9 but the header has 8" },
        { "2021-02-30 00:00:00+05:30,12,12.5,11.5,12,1000,0.0,0.0", "'Date' is not a yyyy-MM-dd date: \"2021-02-30 00:00:00+05:30\"" },
        { "29/01/2021,12,12.5,11.5,12,1000,0.0,0.0", "'Date' is not a yyyy-MM-dd date: \"29/01/2021\"" },
        { "2021-01-26 00:00:00+05:30,12,12.5,11.5,12,1000,0.0,0.0", "date 2021-01-26 is out of order: it comes after 2021-01-28 on line 3" },
        { "2021-01-28 00:00:00+05:30,12,12.5,11.5,12,1000,0.0,0.0", "duplicate date 2021-01-28 (first seen on line 3)" },
        { $"{Day3},12,11,11.5,12,1000,0.0,0.0", "inconsistent prices: High 11 is below Low 11.5" },
        { $"{Day3},13,12.5,11.5,12,1000,0.0,0.0", "inconsistent prices: High 12.5 is below Open 13" },
        { $"{Day3},12,12.5,11.5,12.75,1000,0.0,0.0", "inconsistent prices: High 12.5 is below Close 12.75" },
        { $"{Day3},11,12.5,11.5,12,1000,0.0,0.0", "inconsistent prices: Low 11.5 is above Open 11" },
        { $"{Day3},12,12.5,11.5,11.25,1000,0.0,0.0", "inconsistent prices: Low 11.5 is above Close 11.25" },
        { $"{Day3},0,12.5,11.5,12,1000,0.0,0.0", "non-positive price: 'Open' is 0" },
        { $"{Day3},12,12.5,-1,12,1000,0.0,0.0", "non-positive price: 'Low' is -1" },
        { $"{Day3},12,12.5,11.5,NaN,1000,0.0,0.0", "'Close' is not a finite number: \"NaN\"" },
        { $"{Day3},12,12.5,11.5,12,-5,0.0,0.0", "'Volume' is negative: -5" },
        { $"{Day3},12,1e308,11.5,12,1000,0.0,0.0", "price out of range: 'High' is 1E+308; a price must be above 1E-06 and below 1,000,000,000" },
        { $"{Day3},12,12.5,1e-200,12,1000,0.0,0.0", "price out of range: 'Low' is 1E-200; a price must be above 1E-06 and below 1,000,000,000" },
        { $"{Day3},1000000000,12.5,11.5,12,1000,0.0,0.0", "price out of range: 'Open' is 1E+09; a price must be above 1E-06 and below 1,000,000,000" },
        { $"{Day3},12,12.5,11.5,\u001b[31m,1000,0.0,0.0", "'Close' is not a number: \"\\u001b[31m\"" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void StrictRead_BadRow_ThrowsNamingFileLineAndProblem(string badRow, string reason)
    {
        var error = Assert.Throws<CsvFormatException>(() => Read(FileWith(badRow), lenient: false));

        Assert.Equal($"data/TCS.csv line 4: {reason}", error.Message);
        Assert.Equal("data/TCS.csv", error.FilePath);
        Assert.Equal(4, error.LineNumber);
        Assert.Equal(reason, error.Reason);
        Assert.IsAssignableFrom<MarketDataException>(error);
    }

    [Theory]
    [MemberData(nameof(BadRows))]
    public void LenientRead_BadRow_IsSkippedCountedAndGoodRowsKept(string badRow, string reason)
    {
        var result = Read(FileWith(badRow), lenient: true);

        Assert.Equal(1, result.SkippedRows);
        Assert.Equal($"line 4: {reason}", result.FirstSkippedRow);
        Assert.Equal($"TCS: skipped 1 bad row (first: line 4: {reason})", result.Warning);
        Assert.Equal([CsvSamples.Day(2021, 1, 27), CsvSamples.Day(2021, 1, 28), CsvSamples.Day(2021, 2, 1)], result.Bars.Days);
        Assert.Equal([10d, 11d, 13d], result.Bars.Open);
        Assert.Equal([10.5, 11.5, 13.5], result.Bars.High);
        Assert.Equal([9.5, 10.5, 12.5], result.Bars.Low);
        Assert.Equal([10d, 11d, 13d], result.Bars.Close);
        Assert.Equal([1000d, 1000d, 1000d], result.Bars.Volume);
    }

    [Fact]
    public void LenientRead_SeveralBadRows_CountsAllAndQuotesTheFirst()
    {
        string text = CsvSamples.Lines(
            CsvSamples.BundledHeader,
            CsvSamples.Row("2021-01-27", 10, 10.5, 9.5, 10),
            "2021-01-28 00:00:00+05:30,1,2,3",
            CsvSamples.Row("2021-01-29", 12, 12.5, 11.5, 12),
            CsvSamples.Row("2021-01-29", 12, 12.5, 11.5, 12),
            "",
            "2021-02-01 00:00:00+05:30,abc,1,1,1,1,0.0,0.0",
            CsvSamples.Row("2021-02-02", 14, 14.5, 13.5, 14));

        var result = Read(text, lenient: true);

        Assert.Equal(3, result.SkippedRows);
        Assert.Equal("TCS: skipped 3 bad rows (first: line 3: missing fields: the row has 4 but the header has 8)", result.Warning);
        Assert.Equal([10d, 12d, 14d], result.Bars.Close);
    }

    [Fact]
    public void LenientRead_EveryRowBad_IsStillAnError()
    {
        string text = CsvSamples.Lines(CsvSamples.BundledHeader, "2021-01-27,x,1,1,1,1,0,0", "2021-01-28,1,1,1,1,-1,0,0");

        var error = Assert.Throws<CsvFormatException>(() => Read(text, lenient: true));

        Assert.Equal("data/TCS.csv: no usable rows: all 2 rows are bad (first: line 2: 'Open' is not a number: \"x\")", error.Message);
        Assert.Null(error.LineNumber);
    }

    [Fact]
    public void StrictRead_LongBadField_IsQuotedShort()
    {
        string field = new string('9', 30) + new string('x', 30);
        string text = CsvSamples.Lines(CsvSamples.BundledHeader, $"2021-01-27,{field},1,1,1,1,0,0");

        var error = Assert.Throws<CsvFormatException>(() => Read(text, lenient: false));

        Assert.Equal($"data/TCS.csv line 2: 'Open' is not a number: \"{new string('9', 30)}xxxxxxxxxx...\"", error.Message);
    }

    private static CsvReadResult Read(string text, bool lenient) =>
        CsvBarReader.Read(new StringReader(text), "TCS", "data/TCS.csv", lenient);

    private static string FileWith(string badRow) => CsvSamples.Lines(
        CsvSamples.BundledHeader,
        CsvSamples.Row("2021-01-27", 10, 10.5, 9.5, 10),
        CsvSamples.Row("2021-01-28", 11, 11.5, 10.5, 11),
        badRow,
        CsvSamples.Row("2021-02-01", 13, 13.5, 12.5, 13));
}
