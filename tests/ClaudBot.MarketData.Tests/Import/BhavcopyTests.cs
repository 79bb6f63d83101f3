using ClaudBot.MarketData.Import;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Import;

public sealed class BhavcopyTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_ThreeOldDaysAndOneUdiffDay_GiveEachSymbolItsEqBarsOnly()
    {
        string day1 = _folder.Write("cm02JAN2024bhav.csv", CsvSamples.Lines(
            Bhavcopies.OldHeader,
            Bhavcopies.OldRow("TCS", "EQ", 3800, 3850, 3790, 3840.5, 1000, "02-JAN-2024"),
            Bhavcopies.OldRow("TCS", "BL", 3700, 3700, 3700, 3700, 50, "02-JAN-2024"),
            Bhavcopies.OldRow("M&M", "EQ", 1650, 1670, 1640, 1665.25, 2000, "02-JAN-2024"),
            Bhavcopies.OldRow("GOI2033", "GS", 99, 100, 98, 99.5, 10, "02-JAN-2024"),
            Bhavcopies.OldRow("NIFTYBEES", "N1", 240, 241, 239, 240.5, 5, "02-JAN-2024")));
        Bhavcopies.WriteZip(_folder.Combine("cm03JAN2024bhav.csv.zip"), "cm03JAN2024bhav.csv", CsvSamples.Lines(
            Bhavcopies.OldHeader,
            Bhavcopies.OldRow("M&M", "EQ", 1666, 1690, 1660, 1680, 2100, "03-JAN-2024"),
            Bhavcopies.OldRow("TCS", "EQ", 3841, 3870, 3820, 3860, 1100, "03-JAN-2024")));
        string day3 = _folder.Write("cm04JAN2024bhav.csv", CsvSamples.Lines(
            Bhavcopies.OldHeader,
            Bhavcopies.OldRow("TCS", "EQ", 3861, 3880, 3850, 3875.75, 1200, "04-JAN-2024"),
            Bhavcopies.OldRow("BAJAJ-AUTO", "BE", 7000, 7100, 6900, 7050, 30, "04-JAN-2024")));
        string udiff = _folder.Write("BhavCopy_NSE_CM_0_0_0_20240708_F_0000.csv", CsvSamples.Lines(
            Bhavcopies.UdiffHeader,
            Bhavcopies.UdiffRow("TCS", "EQ", 4000, 4050, 3990, 4040, 1300, "2024-07-08"),
            Bhavcopies.UdiffRow("M&M", "EQ", 2800, 2850, 2790, 2840, 2300, "2024-07-08"),
            Bhavcopies.UdiffRow("RELIANCE", "BZ", 3100, 3150, 3090, 3140, 40, "2024-07-08")));

        var all = new[] { day1, _folder.Combine("cm03JAN2024bhav.csv.zip"), day3, udiff }
            .SelectMany(path => BarFileReader.Read(path))
            .GroupBy(s => s.Symbol)
            .ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(["M&M", "TCS"], all.Keys.Order(StringComparer.Ordinal));
        Assert.All(all.Values.SelectMany(s => s), s => Assert.Equal(1, s.Bars.Count));
        Assert.Equal([3840.5, 3860, 3875.75, 4040], all["TCS"].Select(s => s.Bars.Close[0]));
        Assert.Equal([3800d, 3841, 3861, 4000], all["TCS"].Select(s => s.Bars.Open[0]));
        Assert.Equal([1000d, 1100, 1200, 1300], all["TCS"].Select(s => s.Bars.Volume[0]));
        Assert.Equal(
            [new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 3), new DateOnly(2024, 1, 4), new DateOnly(2024, 7, 8)],
            all["TCS"].Select(s => s.Bars.FirstDate));
        Assert.Equal([1665.25, 1680, 2840], all["M&M"].Select(s => s.Bars.Close[0]));
        Assert.Equal([1650d, 1690, 2790], [all["M&M"][0].Bars.Open[0], all["M&M"][1].Bars.High[0], all["M&M"][2].Bars.Low[0]]);
    }

    [Fact]
    public void Read_BhavcopyWithSymbol_ReadsOnlyThatSymbol()
    {
        string path = _folder.Write("cm02JAN2024bhav.csv", CsvSamples.Lines(
            Bhavcopies.OldHeader,
            Bhavcopies.OldRow("TCS", "EQ", 3800, 3850, 3790, 3840.5, 1000, "02-JAN-2024"),
            Bhavcopies.OldRow("INFY", "EQ", 1500, 1520, 1490, 1510, 900, "02-JAN-2024")));

        var series = Assert.Single(BarFileReader.Read(path, ImportFormat.Bhavcopy, "infy"));

        Assert.Equal("INFY", series.Symbol);
        Assert.Equal([1510d], series.Bars.Close);
    }

    [Fact]
    public void Read_BhavcopyAskedForAsYahoo_IsRefusedWithOneLine()
    {
        string path = _folder.Write("bhav.csv", CsvSamples.Lines(
            Bhavcopies.OldHeader, Bhavcopies.OldRow("TCS", "EQ", 3800, 3850, 3790, 3840.5, 1000, "02-JAN-2024")));

        var error = Assert.Throws<CsvFormatException>(() => BarFileReader.Read(path, ImportFormat.Yahoo));

        Assert.Equal($"{path} line 1: this is a bhavcopy (it has SYMBOL and SERIES columns): import it with --format bhavcopy or auto", error.Message);
    }

    [Fact]
    public void Read_YahooFileAskedForAsBhavcopy_IsRefusedWithOneLine()
    {
        string path = _folder.Write("TCS.csv", CsvSamples.ThreeGoodRows());

        var error = Assert.Throws<CsvFormatException>(() => BarFileReader.Read(path, ImportFormat.Bhavcopy));

        Assert.Equal($"{path} line 1: not a bhavcopy: the header has no SYMBOL and SERIES (or TckrSymb and SctySrs) columns", error.Message);
    }
}
