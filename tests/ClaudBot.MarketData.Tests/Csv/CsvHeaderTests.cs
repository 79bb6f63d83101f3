using ClaudBot.MarketData.Csv;
using ClaudBot.MarketData.Tests.Support;

namespace ClaudBot.MarketData.Tests.Csv;

public sealed class CsvHeaderTests
{
    public static TheoryData<string, string> BadFiles => new()
    {
        { string.Empty, "data/TCS.csv: the file is empty: it has no header and no rows" },
        { "\n  \r\n\n", "data/TCS.csv: the file is empty: it has no header and no rows" },
        { CsvSamples.BundledHeader + "\n\n", "data/TCS.csv: the file has a header but no data rows" },
        {
            "Date,Open,Close\n2021-01-27,1,1\n",
            "data/TCS.csv line 1: the header must name the columns Date, Open, High, Low and Close (Volume and Adj Close are optional); missing 'High', 'Low' in \"Date,Open,Close\""
        },
        {
            "\n2021-01-27,1,2,0.5,1,10\n",
            "data/TCS.csv line 2: the header must name the columns Date, Open, High, Low and Close (Volume and Adj Close are optional); missing 'Date', 'Open', 'High', 'Low', 'Close' in \"2021-01-27,1,2,0.5,1,10\""
        },
        { "Date,Open,High,Low,Close,close\n2021-01-27,1,2,0.5,1,1\n", "data/TCS.csv line 1: the header names 'Close' twice (columns 5 and 6)" },
        { "Date,Open,High,Low,Close,Adj Close,AdjClose\n", "data/TCS.csv line 1: the header names 'Adj Close' twice (columns 6 and 7)" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void StrictRead_BadHeaderOrNoRows_Throws(string text, string message)
    {
        var error = Assert.Throws<CsvFormatException>(() => CsvBarReader.Read(new StringReader(text), "TCS", "data/TCS.csv"));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void LenientRead_BadHeaderOrNoRows_AlsoThrows(string text, string message)
    {
        var error = Assert.Throws<CsvFormatException>(() => CsvBarReader.Read(new StringReader(text), "TCS", "data/TCS.csv", lenient: true));

        Assert.Equal(message, error.Message);
    }
}
