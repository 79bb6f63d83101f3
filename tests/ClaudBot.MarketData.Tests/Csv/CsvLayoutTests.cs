using System.Text;
using ClaudBot.MarketData.Csv;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Csv;

public sealed class CsvLayoutTests
{
    private static CsvReadResult Read(string text, bool lenient = false) =>
        CsvBarReader.Read(new StringReader(text), "TCS", "data/TCS.csv", lenient);

    [Fact]
    public void Read_BundledLayout_TakesTradeDateFromFirstTenCharsAndAllColumns()
    {
        var result = Read(CsvSamples.Lines(
            CsvSamples.BundledHeader,
            "2021-01-27 00:00:00+05:30,872.8552326609131,872.8552326609131,856.0782689298538,859.2522583007812,42370131,0.0,0.0",
            "2021-01-28 00:00:00+05:30,852.5,872.25,847.75,850.5,34067814,1.5,0.0"));

        var bars = result.Bars;
        Assert.Equal("TCS", bars.Symbol);
        Assert.Equal([CsvSamples.Day(2021, 1, 27), CsvSamples.Day(2021, 1, 28)], bars.Days);
        Assert.Equal([872.8552326609131, 852.5], bars.Open);
        Assert.Equal([872.8552326609131, 872.25], bars.High);
        Assert.Equal([856.0782689298538, 847.75], bars.Low);
        Assert.Equal([859.2522583007812, 850.5], bars.Close);
        Assert.Equal([42370131d, 34067814d], bars.Volume);
        Assert.Equal(0, result.SkippedRows);
        Assert.Null(result.Warning);
    }

    [Fact]
    public void Read_YahooLayoutWithoutAdjClose_KeepsPricesAsWritten()
    {
        var bars = Read("Date,Open,High,Low,Close,Volume\n2024-03-01,100.5,110,95.25,105,12345\n").Bars;

        Assert.Equal([CsvSamples.Day(2024, 3, 1)], bars.Days);
        Assert.Equal([100.5], bars.Open);
        Assert.Equal([110d], bars.High);
        Assert.Equal([95.25], bars.Low);
        Assert.Equal([105d], bars.Close);
        Assert.Equal([12345d], bars.Volume);
    }

    [Fact]
    public void Read_YahooLayoutWithAdjClose_MultipliesOpenHighLowCloseByAdjOverClose()
    {
        // Row 1 is before a 2:1 split (factor 0.5), row 2 after it (factor 1): no fake crash.
        var bars = Read(CsvSamples.Lines(
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "2024-03-01,200,220,190,210,105,1000",
            "2024-03-04,104,108,100,106,106,2000")).Bars;

        Assert.Equal([100d, 104d], bars.Open);
        Assert.Equal([110d, 108d], bars.High);
        Assert.Equal([95d, 100d], bars.Low);
        Assert.Equal([105d, 106d], bars.Close);
        Assert.Equal([1000d, 2000d], bars.Volume);
    }

    [Fact]
    public void Read_AdjCloseWithInexactFactor_UsesOneFactorPerRow()
    {
        var bars = Read("Date,Open,High,Low,Close,Adj Close\n2024-03-01,30,33,29,31,29.7\n").Bars;

        double factor = 29.7 / 31;
        Assert.Equal([30 * factor], bars.Open);
        Assert.Equal([33 * factor], bars.High);
        Assert.Equal([29 * factor], bars.Low);
        Assert.Equal([31 * factor], bars.Close);
        Assert.Equal(29.7, bars.Close[0], 12);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderAndCase_AreFoundByNameAndExtrasIgnored()
    {
        var bars = Read(" volume , CLOSE,adj_close,Note,low,High,open,DATE\n500,20,10,hello,18,22,19,2022-06-15\n").Bars;

        Assert.Equal([CsvSamples.Day(2022, 6, 15)], bars.Days);
        Assert.Equal([9.5], bars.Open);
        Assert.Equal([11d], bars.High);
        Assert.Equal([9d], bars.Low);
        Assert.Equal([10d], bars.Close);
        Assert.Equal([500d], bars.Volume);
    }

    [Fact]
    public void Read_WithoutVolumeColumn_VolumeIsZero()
    {
        var bars = Read("Date,Open,High,Low,Close\n2022-06-15,1,2,0.5,1.5\n2022-06-16,1.5,2,1,1.75\n").Bars;

        Assert.Equal([0d, 0d], bars.Volume);
        Assert.Equal([1.5, 1.75], bars.Close);
    }

    [Fact]
    public void Read_BlankLinesCrLfAndNoFinalNewline_AreAcceptedAndLineNumbersStayPhysical()
    {
        string text = "\r\nDate,Open,High,Low,Close,Volume\r\n\r\n2022-06-15,1,2,0.5,1.5,7\r\n   \r\n2022-06-16,1.5,2,1,1.75,8";
        var bars = Read(text).Bars;
        Assert.Equal([CsvSamples.Day(2022, 6, 15), CsvSamples.Day(2022, 6, 16)], bars.Days);
        Assert.Equal([7d, 8d], bars.Volume);

        var error = Assert.Throws<CsvFormatException>(() => Read(text + "\r\n\r\n2022-06-17,x,2,1,1,1\r\n\r\n"));
        Assert.Equal("data/TCS.csv line 8: 'Open' is not a number: \"x\"", error.Message);
        Assert.Equal(8, error.LineNumber);
    }

    [Fact]
    public void Read_Utf8BomAndQuotedFields_AreAccepted()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. "\"Date\",\"Open\",\"High\",\"Low\",\"Close\"\n\"2022-06-15\",\"1\",\"2\",\"0.5\",\"1.5\"\n"u8];

        var bars = CsvBarReader.Read(new MemoryStream(bytes), "X", "x.csv").Bars;

        Assert.Equal([CsvSamples.Day(2022, 6, 15)], bars.Days);
        Assert.Equal([1.5], bars.Close);
    }

    [Fact]
    public void Read_IsoDateWithTimeAfterT_UsesTheDate()
    {
        var bars = Read("Date,Open,High,Low,Close\n2022-06-15T09:15:00Z,1,2,0.5,1.5\n").Bars;

        Assert.Equal([CsvSamples.Day(2022, 6, 15)], bars.Days);
    }

    [Fact]
    public void Read_ExponentAndWhitespaceAroundNumbers_ParseInvariantly()
    {
        var bars = Read("Date,Open,High,Low,Close,Volume\n2022-06-15, 1.25e2 ,130, 1.2E+2,125.5,4.2e7\n").Bars;

        Assert.Equal([125d], bars.Open);
        Assert.Equal([120d], bars.Low);
        Assert.Equal([42_000_000d], bars.Volume);
    }

    [Fact]
    public async Task ReadPath_AndReadStream_GiveTheSameBars()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("M&M.csv", CsvSamples.ThreeGoodRows());

        var fromPath = CsvBarReader.Read(path);
        var fromPathAsync = await CsvBarReader.ReadAsync(path);
        await using var stream = File.OpenRead(path);
        var fromStream = CsvBarReader.Read(stream, "M&M", "M&M.csv");

        Assert.Equal("M&M", fromPath.Bars.Symbol);
        Assert.Equal("M&M", fromPathAsync.Bars.Symbol);
        Assert.Equal([10d, 11d, 12d], fromPath.Bars.Close);
        Assert.Equal(fromPath.Bars.Days, fromStream.Bars.Days);
        Assert.Equal(fromPath.Bars.Close, fromPathAsync.Bars.Close);
        Assert.Equal(fromPath.Bars.Open, fromStream.Bars.Open);
    }
}
