using ClaudBot.MarketData.Actions;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;
using static ClaudBot.MarketData.Tests.Support.CsvSamples;

namespace ClaudBot.MarketData.Tests.Actions;

public sealed class StoreActionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TempDirectory _user = new();

    public StoreActionsTests()
    {
        // Raw TCS with a 1:2 split on 2021-01-29: 100, 102, then 51.
        _dir.Write("TCS.csv", Lines(BundledHeader, Row("2021-01-27", 100, 104, 96, 100, 1000), Row("2021-01-28", 102, 106, 98, 102, 1000), Row("2021-01-29", 51, 53, 49, 51, 2000)));
        _dir.Write("INFY.csv", ThreeGoodRows());
    }

    public void Dispose()
    {
        _dir.Dispose();
        _user.Dispose();
    }

    private MarketDataStore Store() => Stores.Create(_dir.Path, configure: o => o.UserDirectory = _user.Path);

    [Fact]
    public async Task Load_WithASplitInActionsCsv_AdjustsTheBarsBeforeIt()
    {
        _dir.Write(ActionsFile.FileName, "date,symbol,ratio\n2021-01-29,TCS,2\n");

        var loaded = await Store().LoadAsync("TCS");

        Assert.Equal([50d, 51, 51], loaded.Bars.Close);
        Assert.Equal([2000d, 2000, 2000], loaded.Bars.Volume);
    }

    [Fact]
    public void ActionsCsv_IsNotASymbol()
    {
        _dir.Write(ActionsFile.FileName, "date,symbol,ratio\n2021-01-29,TCS,2\n");

        Assert.Equal(["INFY", "TCS"], Store().Symbols);
    }

    [Fact]
    public async Task EditedActionsCsv_ReadjustsTheNextLoad_FromTheMemoAndTheCache()
    {
        var store = Store();
        var raw = await store.LoadAsync("TCS");
        _dir.Write(ActionsFile.FileName, "date,symbol,ratio\n2021-01-29,TCS,2\n");
        var adjusted = await store.LoadAsync("TCS");
        var fresh = await Store().LoadAsync("TCS");
        File.Delete(_dir.Combine(ActionsFile.FileName));
        var rawAgain = await store.LoadAsync("TCS");

        Assert.Equal([100d, 102, 51], raw.Bars.Close);
        Assert.Equal([50d, 51, 51], adjusted.Bars.Close);
        Assert.True(fresh.FromCache);
        Assert.Equal([50d, 51, 51], fresh.Bars.Close);
        Assert.Equal([100d, 102, 51], rawAgain.Bars.Close);
    }

    [Fact]
    public async Task UserActions_WinOverBundled_ForTheSameSymbolAndDate()
    {
        _dir.Write(ActionsFile.FileName, "date,symbol,ratio\n2021-01-29,TCS,4\n");
        File.WriteAllText(_user.Combine(ActionsFile.FileName), "date,symbol,ratio\n2021-01-29,TCS,2\n");

        var loaded = await Store().LoadAsync("TCS");

        Assert.Equal([50d, 51, 51], loaded.Bars.Close);
    }

    [Fact]
    public async Task BadLineForOneSymbol_FailsThatSymbolsLoadNamingFileAndLine_AndOthersLoad()
    {
        _dir.Write(ActionsFile.FileName, "date,symbol,ratio\n2021-01-28,INFY,2\n2021-01-29,TCS,0\n");
        var store = Store();

        var e = await Assert.ThrowsAsync<MarketDataException>(async () => await store.LoadAsync("TCS"));
        var infy = await store.LoadAsync("INFY");

        Assert.Equal($"{_dir.Name}/actions.csv line 3: the ratio '0' is not a number greater than 0 (a 1:2 split or a 1:1 bonus is 2)", e.Message);
        Assert.Equal([5d, 11, 12], infy.Bars.Close);
    }

    [Fact]
    public async Task BadLineInTheUsersFile_IsNamedByTheUsersFolder()
    {
        File.WriteAllText(_user.Combine(ActionsFile.FileName), "date,symbol,ratio\n2021-01-29,TCS,x\n");

        var e = await Assert.ThrowsAsync<MarketDataException>(async () => await Store().LoadAsync("TCS"));

        Assert.Equal($"{_user.Name}/actions.csv line 2: the ratio 'x' is not a number greater than 0 (a 1:2 split or a 1:1 bonus is 2)", e.Message);
    }

    [Fact]
    public async Task LineNamingNoValidSymbol_IsLoggedAndIgnored()
    {
        _dir.Write(ActionsFile.FileName, "date,symbol,ratio\n2021-01-29,??,2\n2021-01-29,TCS,2\n");
        var logger = new ListLogger<MarketDataStore>();

        var loaded = await Stores.Create(_dir.Path, logger).LoadAsync("TCS");

        Assert.Equal([50d, 51, 51], loaded.Bars.Close);
        Assert.Contains($"{_dir.Name}/actions.csv line 2: '??' is not a valid symbol (expected date,symbol,ratio); the line is ignored", logger.Warnings);
    }

    [Fact]
    public async Task Dividends_AreKeptOnTheLoadedSeries_AndLeavePricesAlone()
    {
        File.WriteAllText(_user.Combine(ActionsFile.FileName), "date,symbol,kind,amount\n2021-01-28,TCS,dividend,7.5\n");

        var loaded = await Store().LoadAsync("TCS");

        Assert.Equal([new DividendEvent("TCS", new DateOnly(2021, 1, 28), 7.5)], loaded.Dividends);
        Assert.Equal([100d, 102, 51], loaded.Bars.Close);
    }
}
