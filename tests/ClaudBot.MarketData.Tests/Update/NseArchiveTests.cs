using ClaudBot.MarketData.Update;

namespace ClaudBot.MarketData.Tests.Update;

/// <summary>The archive's published paths: the old cmDDMONYYYYbhav.csv.zip to 5 July 2024, the UDiFF file from 8 July 2024.</summary>
public sealed class NseArchiveTests
{
    private static readonly Uri Archive = new("https://nsearchives.nseindia.com");

    [Fact]
    public void For_LastFridayOfTheOldFormat_IsTheHistoricalEquitiesZip()
    {
        Assert.Equal("https://nsearchives.nseindia.com/content/historical/EQUITIES/2024/JUL/cm05JUL2024bhav.csv.zip",
            NseArchive.For(Archive, new DateOnly(2024, 7, 5)).AbsoluteUri);
    }

    [Fact]
    public void For_FirstUdiffDay_IsTheCmBhavCopyZip()
    {
        Assert.Equal("https://nsearchives.nseindia.com/content/cm/BhavCopy_NSE_CM_0_0_0_20240708_F_0000.csv.zip",
            NseArchive.For(Archive, new DateOnly(2024, 7, 8)).AbsoluteUri);
    }

    [Fact]
    public void For_ASingleDigitDayInAnOldYear_PadsTheDayAndUpperCasesTheMonth()
    {
        Assert.Equal("https://nsearchives.nseindia.com/content/historical/EQUITIES/2023/NOV/cm03NOV2023bhav.csv.zip",
            NseArchive.For(Archive, new DateOnly(2023, 11, 3)).AbsoluteUri);
    }

    [Fact]
    public void For_AnArchiveUnderAPathWithoutItsSlash_KeepsThePath()
    {
        Assert.Equal("http://127.0.0.1:8080/mirror/nse/content/cm/BhavCopy_NSE_CM_0_0_0_20250102_F_0000.csv.zip",
            NseArchive.For(new Uri("http://127.0.0.1:8080/mirror/nse"), new DateOnly(2025, 1, 2)).AbsoluteUri);
    }
}
