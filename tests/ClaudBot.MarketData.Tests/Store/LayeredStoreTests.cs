using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Store;

/// <summary>The user's data folder layered over the bundled one: new symbols resolve, a user file wins, the bundled file is untouched.</summary>
public sealed class LayeredStoreTests : IDisposable
{
    private readonly TempDirectory _bundled = new();
    private readonly TempDirectory _user = new();

    public LayeredStoreTests()
    {
        _bundled.Write("TCS.csv", CsvSamples.ThreeGoodRows());
        _bundled.Write("aliases.csv", "alias,symbol,note\nTATA,TCS,\n");
    }

    public void Dispose()
    {
        _bundled.Dispose();
        _user.Dispose();
    }

    private MarketDataStore Store(string? userDirectory) => Stores.Create(_bundled.Path, configure: o => o.UserDirectory = userDirectory);

    [Fact]
    public async Task NewSymbolInTheUserFolder_IsListedResolvableAndLoadable()
    {
        _user.Write("INFY.csv", "Date,Open,High,Low,Close,Volume\n2020-01-01,99,101,98,100,1000\n");
        var store = Store(_user.Path);

        Assert.Equal(["INFY", "TCS"], store.Symbols);
        Assert.Equal("INFY", store.Resolve("infy").Symbol);
        var loaded = await store.LoadAsync("INFY");
        Assert.Equal([100d], loaded.Bars.Close);
        Assert.Equal([new DateOnly(2020, 1, 1).DayNumber], loaded.Bars.Days);
        Assert.Equal(new DateOnly(2021, 1, 29), store.LastDay);
    }

    [Fact]
    public async Task ASymbolAndADayAddedWhileTheStoreIsInUse_AreSeenWithoutANewStore_AndTheVersionMoves()
    {
        var store = Store(_user.Path);
        Assert.Equal(["TCS"], store.Symbols);
        Assert.Equal(new DateOnly(2021, 1, 29), store.LastDay);
        long before = store.Version;

        // As the user's store writes: beside, then renamed into place.
        _user.Write("INFY.csv.partial", "Date,Open,High,Low,Close,Volume\n2021-02-01,99,101,98,100,1000\n");
        File.Move(_user.Combine("INFY.csv.partial"), _user.Combine("INFY.csv"));
        Directory.SetLastWriteTimeUtc(_user.Path, Directory.GetLastWriteTimeUtc(_user.Path).AddSeconds(2));

        Assert.Equal(["INFY", "TCS"], store.Symbols);
        Assert.Equal("INFY", store.Resolve("infy").Symbol);
        Assert.Equal(new DateOnly(2021, 2, 1), store.LastDay);
        var infy = await store.LoadAsync("INFY");
        Assert.Equal([100d], infy.Bars.Close);
        Assert.NotEqual(before, store.Version);
        Assert.Equal(store.Version, store.Version);
    }

    [Fact]
    public void Version_IsZeroWithoutAUserFolder_AndStaysWhileNothingChanges()
    {
        var withoutUser = Store(null);
        Assert.Equal(0, withoutUser.Version);

        var store = Store(_user.Path);
        long first = store.Version;
        _ = store.Symbols;
        Assert.Equal(first, store.Version);
    }

    [Fact]
    public async Task ExtendedBundledSymbol_LoadsTheUserRowsAndTheBundledFileIsUnchanged()
    {
        byte[] bundledBefore = File.ReadAllBytes(_bundled.Combine("TCS.csv"));
        _user.Write("TCS.csv", "Date,Open,High,Low,Close,Volume\n2021-01-27,10,10.5,9.5,10,1000\n2021-01-28,11,11.5,10.5,11,1000\n2021-01-29,12,12.5,11.5,12,1000\n2021-02-01,12,14,11,13,1000\n");
        var store = Store(_user.Path);

        var loaded = await store.LoadAsync(store.Resolve("TATA").Symbol);

        Assert.Equal([10d, 11d, 12d, 13d], loaded.Bars.Close);
        Assert.Equal(new DateOnly(2021, 2, 1), store.LastDay);
        Assert.Equal(bundledBefore, File.ReadAllBytes(_bundled.Combine("TCS.csv")));
    }

    [Fact]
    public async Task EditedUserFile_IsReReadThroughTheCacheAndMemo()
    {
        string path = _user.Write("INFY.csv", "Date,Open,High,Low,Close,Volume\n2020-01-01,99,101,98,100,1000\n");
        var store = Store(_user.Path);
        var first = await store.LoadAsync("INFY");
        Assert.Equal([100d], first.Bars.Close);

        File.WriteAllText(path, "Date,Open,High,Low,Close,Volume\n2020-01-01,99,101,98,100,1000\n2020-01-02,100,102,99,101,1000\n");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(2));

        var sameStore = await store.LoadAsync("INFY");
        var freshStore = await Store(_user.Path).LoadAsync("INFY");
        Assert.Equal([100d, 101d], sameStore.Bars.Close);
        Assert.Equal([100d, 101d], freshStore.Bars.Close);
    }

    [Fact]
    public async Task MissingUserFolder_IsNoError()
    {
        var store = Store(_user.Combine("not-yet"));

        var loaded = await store.LoadAsync("TCS");
        Assert.Equal(["TCS"], store.Symbols);
        Assert.Equal([10d, 11d, 12d], loaded.Bars.Close);
    }

    [Fact]
    public async Task BadRowInAUserFile_IsReportedWithTheUserFoldersName()
    {
        _user.Write("INFY.csv", "Date,Open,High,Low,Close,Volume\n2020-01-01,99,101,98,abc,1000\n");
        var store = Store(_user.Path);

        var error = await Assert.ThrowsAsync<CsvFormatException>(async () => await store.LoadAsync("INFY"));

        Assert.Equal($"{_user.Name}/INFY.csv line 2: 'Close' is not a number: \"abc\"", error.Message);
    }
}
