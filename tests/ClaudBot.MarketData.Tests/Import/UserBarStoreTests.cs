using ClaudBot.MarketData.Import;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ClaudBot.MarketData.Tests.Import;

public sealed class UserBarStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 24, 10, 30, 0, TimeSpan.Zero);
    private readonly TempDirectory _bundled = new();
    private readonly TempDirectory _user = new();
    private readonly UserBarStore _store;

    public UserBarStoreTests()
    {
        _bundled.Write("TCS.csv", CsvSamples.ThreeGoodRows());
        _store = new UserBarStore(_user.Path, new FakeTimeProvider(Now));
    }

    private MarketDataStore Existing => Stores.Create(_bundled.Path, configure: o => o.UserDirectory = _user.Path);

    public void Dispose()
    {
        _bundled.Dispose();
        _user.Dispose();
    }

    [Fact]
    public void Merge_NewSymbol_WritesTheCanonicalFileAndRecordsTheSource()
    {
        var outcome = _store.Merge(ImportedBars.Of("INFY", ("2020-01-01", 100), ("2020-01-02", 100.125)), Existing, replace: false);

        Assert.Equal(new MergeOutcome("INFY", 2, 0, 0, new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2)), outcome);
        Assert.Equal(
            "Date,Open,High,Low,Close,Volume\n2020-01-01,99,101,98,100,1000\n2020-01-02,99.125,101.125,98.125,100.125,1000\n",
            File.ReadAllText(_user.Combine("INFY.csv")));
        Assert.Equal(new SymbolSource("import:test.csv", Now), new UserBarStore(_user.Path).Sources["INFY"]);
    }

    [Fact]
    public void Merge_BundledSymbol_StartsFromTheBundledRowsAndLeavesTheBundledFileUnchanged()
    {
        byte[] bundledBefore = File.ReadAllBytes(_bundled.Combine("TCS.csv"));

        var outcome = _store.Merge(ImportedBars.Of("TCS", ("2021-02-01", 13)), Existing, replace: false);

        Assert.Equal(new MergeOutcome("TCS", 1, 0, 0, new DateOnly(2021, 2, 1), new DateOnly(2021, 2, 1)), outcome);
        Assert.Equal(
            "Date,Open,High,Low,Close,Volume\n2021-01-27,10,10.5,9.5,10,1000\n2021-01-28,11,11.5,10.5,11,1000\n2021-01-29,12,12.5,11.5,12,1000\n2021-02-01,12,14,11,13,1000\n",
            File.ReadAllText(_user.Combine("TCS.csv")));
        Assert.Equal(bundledBefore, File.ReadAllBytes(_bundled.Combine("TCS.csv")));
    }

    [Fact]
    public void Merge_SameRowsAgain_CountsThemIdenticalAndRewritesNothing()
    {
        var rows = ImportedBars.Of("INFY", ("2020-01-01", 100), ("2020-01-02", 100 + 0.1 + 0.2));
        _store.Merge(rows, Existing, replace: false);
        var written = File.GetLastWriteTimeUtc(_user.Combine("INFY.csv"));
        File.SetLastWriteTimeUtc(_user.Combine("INFY.csv"), written.AddMinutes(-5));

        var outcome = _store.Merge(rows, Existing, replace: false);

        Assert.Equal(new MergeOutcome("INFY", 0, 2, 0, new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2)), outcome);
        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(_user.Combine("INFY.csv")));
    }

    [Fact]
    public void Merge_DifferentPricesOnAStoredDate_IsRefusedWithBothRowsAndWritesNothing()
    {
        var error = Assert.Throws<DataConflictException>(() =>
            _store.Merge(ImportedBars.Of("TCS", ("2021-01-28", 11.5), ("2021-01-29", 12.5), ("2021-02-01", 13)), Existing, replace: false));

        Assert.Equal(
            "TCS 2021-01-28: stored O 11 H 11.5 L 10.5 C 11 V 1000, imported O 10.5 H 12.5 L 9.5 C 11.5 V 1000 (and 1 more date differs); run again with --replace to take the imported rows",
            error.Message);
        Assert.False(File.Exists(_user.Combine("TCS.csv")));
        Assert.Empty(_store.Sources);
    }

    [Fact]
    public void Merge_DifferentPricesWithReplace_TakesTheImportedRows()
    {
        var outcome = _store.Merge(ImportedBars.Of("TCS", ("2021-01-27", 10), ("2021-01-28", 11.5), ("2021-02-01", 13)), Existing, replace: true);

        Assert.Equal(new MergeOutcome("TCS", 1, 0, 2, new DateOnly(2021, 1, 27), new DateOnly(2021, 2, 1)), outcome);
        Assert.Equal(
            "Date,Open,High,Low,Close,Volume\n2021-01-27,9,11,8,10,1000\n2021-01-28,10.5,12.5,9.5,11.5,1000\n2021-01-29,12,12.5,11.5,12,1000\n2021-02-01,12,14,11,13,1000\n",
            File.ReadAllText(_user.Combine("TCS.csv")));
    }

    [Fact]
    public void Merge_SecondImportOfANewSymbol_MergesWithTheFirstEvenThoughTheStoreListedNoSuchSymbol()
    {
        var existing = Existing;
        _store.Merge(ImportedBars.Of("INFY", ("2020-01-02", 100)), existing, replace: false);

        var outcome = _store.Merge(ImportedBars.Of("INFY", ("2020-01-01", 99), ("2020-01-02", 100)), existing, replace: false);

        Assert.Equal(new MergeOutcome("INFY", 1, 1, 0, new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2)), outcome);
        Assert.Equal(3, File.ReadAllLines(_user.Combine("INFY.csv")).Length);
    }

    [Fact]
    public async Task Merge_ExtraPrecision_RoundTripsToTheSameDoublesThroughTheStore()
    {
        var imported = ImportedBars.Of("INFY", ("2020-01-01", 2866.71337890625), ("2020-01-02", 100 + (1.0 / 3)));
        _store.Merge(imported, Existing, replace: false);

        var loaded = await Existing.LoadAsync("INFY");

        Assert.Equal(imported.Bars.Close, loaded.Bars.Close);
        Assert.Equal(imported.Bars.Open, loaded.Bars.Open);
        Assert.Equal(imported.Bars.Days, loaded.Bars.Days);
    }

    [Fact]
    public void Merge_LeftoverPartialFileFromAKilledWrite_IsIgnoredAndClearedByTheNextWrite()
    {
        _store.Merge(ImportedBars.Of("INFY", ("2020-01-01", 100)), Existing, replace: false);
        string before = File.ReadAllText(_user.Combine("INFY.csv"));
        _user.Write("INFY.csv.0123456789abcdef.partial", "Date,Open,High,Low,Close,Volume\n2020-01-0");

        var store = Existing;

        Assert.Equal(["INFY", "TCS"], store.Symbols);
        Assert.Equal(before, File.ReadAllText(_user.Combine("INFY.csv")));

        _store.Merge(ImportedBars.Of("INFY", ("2020-01-02", 101)), store, replace: false);

        Assert.Equal(["INFY.csv", "sources.json"], Directory.GetFiles(_user.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Merge_RowTheStoreWouldRefuse_IsRefusedAndNothingIsWritten()
    {
        var error = Assert.Throws<CsvFormatException>(() => _store.Merge(ImportedBars.Of("INFY", ("2020-01-01", 100), ("2020-01-02", 0.5)), Existing, replace: false));

        Assert.Equal("INFY's merged rows line 3: non-positive price: 'Open' is -0.5", error.Message);
        Assert.False(File.Exists(_user.Combine("INFY.csv")));
    }
}
