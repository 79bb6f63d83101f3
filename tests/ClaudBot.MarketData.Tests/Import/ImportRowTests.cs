using ClaudBot.MarketData.Import;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Import;

/// <summary>Row-level behaviour: gaps skipped with reasons, splits read, optional volume, the day-month order.</summary>
public sealed class ImportRowTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private ImportedSeries ReadOne(string name, string text, string? symbol = null) =>
        Assert.Single(BarFileReader.Read(_folder.Write(name, text), symbol: symbol));

    [Fact]
    public void Read_YahooNullAndDashRows_AreSkippedWithFileLineAndReason()
    {
        var series = ReadOne("INFY.NS.csv", CsvSamples.Lines(
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "2024-01-01,10,11,9,10.5,10.5,100",
            "2024-01-02,null,null,null,null,null,null",
            "2024-01-03,11,12,10,11.5,11.5,-",
            "2024-01-04,12,13,11,12.5,12.5,300"));

        Assert.Equal("INFY", series.Symbol);
        Assert.Equal([CsvSamples.Day(2024, 1, 1), CsvSamples.Day(2024, 1, 4)], series.Bars.Days);
        Assert.Equal([10.5, 12.5], series.Bars.Close);
        Assert.Equal(
            [
                new SkippedRow(_folder.Combine("INFY.NS.csv"), 3, "'Open' is blank: \"null\""),
                new SkippedRow(_folder.Combine("INFY.NS.csv"), 4, "'Volume' is blank: \"-\""),
            ],
            series.Skipped);
    }

    [Fact]
    public void Read_YfinanceStockSplitsColumn_ReturnsTheSplitsAndLeavesPricesAsWritten()
    {
        var series = ReadOne("tcs_daily.csv", CsvSamples.Lines(
            CsvSamples.BundledHeader,
            CsvSamples.Row("2024-03-01", 200, 210, 190, 205),
            CsvSamples.Row("2024-03-04", 100, 105, 95, 102).Replace(",0.0,0.0", ",0.0,2.0", StringComparison.Ordinal),
            CsvSamples.Row("2024-03-05", 101, 106, 96, 103).Replace(",0.0,0.0", ",1.5,0.0", StringComparison.Ordinal)));

        Assert.Equal("TCS", series.Symbol);
        Assert.Equal([205d, 102d, 103d], series.Bars.Close);
        Assert.Equal([new SplitEvent("TCS", new DateOnly(2024, 3, 4), 2)], series.Splits);
    }

    [Fact]
    public void Read_PipeDelimitedWithoutVolume_ReadsVolumeAsZero()
    {
        var series = ReadOne("x.csv", "date|open|high|low|close\n02-01-2024|10|11|9|10.5\n15-01-2024|11|12|10|11.5\n", symbol: " wipro ");

        Assert.Equal("WIPRO", series.Symbol);
        Assert.Equal([CsvSamples.Day(2024, 1, 2), CsvSamples.Day(2024, 1, 15)], series.Bars.Days);
        Assert.Equal([0d, 0d], series.Bars.Volume);
    }

    [Fact]
    public void Read_MonthFirstDates_AreReadMonthFirstWhenASecondNumberIsAbove12()
    {
        var series = ReadOne("AAPL.csv", CsvSamples.Lines(
            "Date,Open,High,Low,Close",
            "01/02/2024,10,11,9,10.5",
            "01/16/2024,11,12,10,11.5"));

        Assert.Equal([CsvSamples.Day(2024, 1, 2), CsvSamples.Day(2024, 1, 16)], series.Bars.Days);
    }

    [Fact]
    public void Read_QuotedThousandsWithCommaDelimiter_KeepsEachQuotedNumberWhole()
    {
        var series = ReadOne("MRF.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,\"1,30,000.5\",\"1,31,000\",\"1,29,000\",\"1,30,500.25\",\"1,234\"\n");

        Assert.Equal([130000.5], series.Bars.Open);
        Assert.Equal([130500.25], series.Bars.Close);
        Assert.Equal([1234d], series.Bars.Volume);
    }

    [Fact]
    public void Read_Utf16TabExportWithTimes_IsReadLikeUtf8()
    {
        // Excel's "Unicode text" export: UTF-16 with a BOM, tab-separated.
        string path = _folder.Combine("HDFCBANK.txt");
        File.WriteAllText(path, "Date\tOpen\tHigh\tLow\tClose\tVolume\r\n02-Jan-2024 00:00\t1,700.5\t1,720\t1,690\t1,710.25\t1,000\r\n", System.Text.Encoding.Unicode);

        var series = Assert.Single(BarFileReader.Read(path));

        Assert.Equal("HDFCBANK", series.Symbol);
        Assert.Equal([CsvSamples.Day(2024, 1, 2)], series.Bars.Days);
        Assert.Equal([1700.5], series.Bars.Open);
        Assert.Equal([1710.25], series.Bars.Close);
        Assert.Equal([1000d], series.Bars.Volume);
    }

    [Fact]
    public void Read_LargeGeneratedFile_ReadsEveryRowInOrder()
    {
        var start = new DateOnly(2006, 1, 2);
        var lines = new List<string> { "Date,Open,High,Low,Close,Volume" };
        for (int i = 0; i < 5000; i++)
        {
            lines.Add(FormattableString.Invariant($"{start.AddDays(i):dd-MM-yyyy},{100 + i},{101 + i},{99 + i},{100.5 + i},{1000 + i}"));
        }

        lines.Reverse(1, 5000);
        var series = ReadOne("BIG.csv", CsvSamples.Lines([.. lines]));

        Assert.Equal(5000, series.Bars.Count);
        Assert.Equal(start, series.Bars.FirstDate);
        Assert.Equal(start.AddDays(4999), series.Bars.LastDate);
        Assert.Equal(5099.5, series.Bars.Close[^1]);
    }
}
