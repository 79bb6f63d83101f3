using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;
using static ClaudBot.MarketData.Tests.Support.CsvSamples;

namespace ClaudBot.MarketData.Tests.Store;

/// <summary>The data's last day, which relative periods end on when the data stops before today.</summary>
public sealed class LastDayTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void BundledData_EndsOn2026_01_23()
    {
        var store = Stores.Create(Path.Combine(AppContext.BaseDirectory, "data"), configure: o => o.UseCache = false);

        Assert.Equal(new DateOnly(2026, 1, 23), store.LastDay);
    }

    [Fact]
    public void SeveralFiles_TheNewestLastRowWins_AndALongFileIsReadFromItsEnd()
    {
        _dir.Write("TCS.csv", ThreeGoodRows());
        var rows = Enumerable.Range(0, 2000).Select(i => Row(new DateOnly(2016, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 10, 11, 9, 10));
        _dir.Write("INFY.csv", Lines([BundledHeader, .. rows]));

        Assert.Equal(new DateOnly(2021, 6, 22), Stores.Create(_dir.Path).LastDay);
    }

    [Fact]
    public void BadLastRowsAndBlankLines_ArePassedOver_LikeALenientLoadSkipsThem()
    {
        _dir.Write("TCS.csv", Lines(
            BundledHeader,
            Row("2021-01-27", 10, 10.5, 9.5, 10),
            Row("2021-01-28", 11, 11.5, 10.5, 11),
            "2021-01-29 00:00:00+05:30,oops,1,1,1,1,0,0",
            string.Empty,
            "\r"));

        Assert.Equal(new DateOnly(2021, 1, 28), Stores.Create(_dir.Path).LastDay);
    }

    [Fact]
    public void NoReadableRow_IsNull()
    {
        _dir.Write("TCS.csv", Lines(BundledHeader));
        _dir.Write("INFY.csv", Lines("no,header,here", "2021-01-27,1,1,1,1"));

        Assert.Null(Stores.Create(_dir.Path).LastDay);
    }
}
