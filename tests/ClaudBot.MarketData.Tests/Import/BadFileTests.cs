using ClaudBot.MarketData.Import;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Import;

/// <summary>Each bad file stops the read with one line naming the file, the line and what is wrong.</summary>
public sealed class BadFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Refusal(string name, string text)
    {
        string path = _folder.Write(name, text);
        var error = Assert.Throws<CsvFormatException>(() => BarFileReader.Read(path));
        Assert.DoesNotContain('\n', error.Message);
        return error.Message.Replace(path, "FILE", StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoDateColumn_NamesTheMissingColumnAndQuotesTheHeader()
    {
        Assert.Equal(
            "FILE line 1: no Date column: the header must name Date, Open, High, Low and Close (or Timestamp, OPEN, LTP, ...; " +
            "Volume is optional): \"Day,Open,High,Low,Close,Volume\"",
            Refusal("TCS.csv", "Day,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10.5,100\n"));
    }

    [Fact]
    public void Read_DateThatFitsNoFormat_NamesItsLine()
    {
        Assert.Equal(
            "FILE line 3: 'Date' fits no date format (YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or DD-Mon-YYYY): \"2024.01.03\"",
            Refusal("TCS.csv", "Date,Open,High,Low,Close\n2024-01-02,10,11,9,10.5\n2024.01.03,10,11,9,10.5\n"));
    }

    [Fact]
    public void Read_HighBelowLow_UsesTheBundledReadersMessage()
    {
        Assert.Equal(
            "FILE line 2: inconsistent prices: High 9 is below Low 10",
            Refusal("TCS.csv", "Date;Open;High;Low;Close\n02-01-2024;10;9;10;10\n15-01-2024;10;11;9;10.5\n"));
    }

    [Fact]
    public void Read_DuplicateDate_NamesBothLines()
    {
        Assert.Equal(
            "FILE line 4: duplicate date 2024-01-03 (first seen on line 3)",
            Refusal("TCS.csv", CsvSamples.Lines("Date,Open,High,Low,Close", "2024-01-02,10,11,9,10", "03-Jan-2024,10,11,9,10", "2024-01-03,10,11,9,10")));
    }

    [Fact]
    public void Read_DuplicateDateInNewestFirstFile_NamesTheLaterLine()
    {
        Assert.Equal(
            "FILE line 4: duplicate date 2024-01-03 (first seen on line 3)",
            Refusal("TCS.csv", CsvSamples.Lines("Date,Open,High,Low,Close", "2024-01-04,10,11,9,10", "2024-01-03,10,11,9,10", "2024-01-03,10,11,9,10", "2024-01-02,10,11,9,10")));
    }

    [Fact]
    public void Read_DateOutOfOrder_NamesBothLinesAndTheFilesDirection()
    {
        Assert.Equal(
            "FILE line 4: date 2024-01-01 is out of order: line 3 has 2024-01-03, and the file runs oldest first",
            Refusal("TCS.csv", CsvSamples.Lines("Date,Open,High,Low,Close", "2024-01-02,10,11,9,10", "2024-01-03,10,11,9,10", "2024-01-01,10,11,9,10", "2024-01-05,10,11,9,10")));
    }

    [Fact]
    public void Read_EveryDateFitsBothOrders_IsRefusedRatherThanGuessed()
    {
        Assert.Equal(
            "FILE line 2: every date fits both DD-MM-YYYY and MM-DD-YYYY (no day above 12), so the order is unknown; " +
            "write the dates as YYYY-MM-DD or DD-Mon-YYYY",
            Refusal("TCS.csv", "Date,Open,High,Low,Close\n02-01-2024,10,11,9,10\n03-01-2024,10,11,9,10\n"));
    }

    [Fact]
    public void Read_DatesMixingDayFirstAndMonthFirst_AreRefused()
    {
        Assert.Equal(
            "FILE line 3: the dates mix day-first and month-first: line 2 has the day first, line 3 the month first",
            Refusal("TCS.csv", "Date,Open,High,Low,Close\n13-01-2024,10,11,9,10\n01-14-2024,10,11,9,10\n"));
    }

    [Fact]
    public void Read_NotARealDate_NamesTheOrderUsed()
    {
        Assert.Equal(
            "FILE line 3: 'Date' is not a real date read day first",
            Refusal("TCS.csv", "Date,Open,High,Low,Close\n13-01-2024,10,11,9,10\n30-02-2024,10,11,9,10\n"));
    }

    [Fact]
    public void Read_NumberThatIsNotOne_QuotesIt()
    {
        Assert.Equal(
            "FILE line 2: 'Close' is not a number: \"10,5x\"",
            Refusal("TCS.csv", "Date;Open;High;Low;Close\n2024-01-02;10;11;9;10,5x\n"));
    }

    [Fact]
    public void Read_FileNameThatIsNoSymbol_AsksForSymbol()
    {
        Assert.Equal(
            "FILE: the file name does not give a symbol (\"MY PRICES\" is not one); name it with --symbol",
            Refusal("my prices.csv", CsvSamples.ThreeGoodRows()));
    }

    [Fact]
    public void Read_HeaderOnly_SaysSo()
    {
        Assert.Equal("FILE: the file has a header but no data rows", Refusal("TCS.csv", "Date,Open,High,Low,Close\n\n"));
    }

    [Fact]
    public void Read_OnlyBlankRows_SaysHowManyAndShowsTheFirst()
    {
        Assert.Equal(
            "FILE: no rows with prices: all 2 rows have a blank cell (first: line 2: 'Open' is blank: \"null\")",
            Refusal("TCS.csv", "Date,Open,High,Low,Close\n2024-01-02,null,1,1,1\n2024-01-03,1,1,1,-\n"));
    }

    [Fact]
    public void Read_EmptyFile_SaysSo()
    {
        Assert.Equal("FILE: the file is empty: it has no header and no rows", Refusal("TCS.csv", "\r\n\n"));
    }

    [Fact]
    public void Read_BhavcopyWithoutEqRows_SaysSo()
    {
        Assert.Equal(
            "FILE: no EQ rows with prices (0 skipped)",
            Refusal("bhav.csv", CsvSamples.Lines(Bhavcopies.OldHeader, Bhavcopies.OldRow("GOI2033", "GS", 99, 100, 98, 99.5, 10, "02-JAN-2024"))));
    }

    [Fact]
    public void Read_MissingFile_SaysSoInOneLine()
    {
        string path = _folder.Combine("NOPE.csv");

        var error = Assert.Throws<CsvFormatException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}: no such file", error.Message);
    }

    [Fact]
    public void Read_ZipWithTwoCsvFiles_IsRefused()
    {
        string path = _folder.Combine("two.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            zip.CreateEntry("a.csv");
            zip.CreateEntry("b.csv");
        }

        var error = Assert.Throws<CsvFormatException>(() => BarFileReader.Read(path));

        Assert.Equal($"{path}: the .zip holds 2 .csv files; import one at a time", error.Message);
    }
}
