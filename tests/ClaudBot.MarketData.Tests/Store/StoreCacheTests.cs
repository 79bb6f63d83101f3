using ClaudBot.Engine.Data;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Store;

public sealed class StoreCacheTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public StoreCacheTests()
    {
        _dir.Write("TCS.csv", CsvSamples.ThreeGoodRows());
    }

    private string CacheFile => Path.Combine(_dir.Path, ".cache", "TCS.bars");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FirstLoad_ParsesCsvAndWritesCacheInDataDotCache()
    {
        var loaded = await Stores.Create(_dir.Path).LoadAsync("TCS");

        Assert.False(loaded.FromCache);
        Assert.Equal([10d, 11d, 12d], loaded.Bars.Close);
        Assert.True(File.Exists(CacheFile));
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public async Task SecondLoad_InAnotherStore_ComesFromBinaryCacheWithIdenticalArrays()
    {
        var first = await Stores.Create(_dir.Path).LoadAsync("TCS");
        var second = await Stores.Create(_dir.Path).LoadAsync("TCS");

        Assert.True(second.FromCache);
        AssertSameBars(first.Bars, second.Bars);
        Assert.NotSame(first.Bars, second.Bars);
    }

    [Fact]
    public async Task SecondLoad_InTheSameStore_ReturnsTheMemoisedSeries()
    {
        var store = Stores.Create(_dir.Path);
        var first = await store.LoadAsync("TCS");
        var second = await store.LoadAsync("TCS");

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Same(first.Bars, second.Bars);
    }

    [Fact]
    public async Task ChangedCsv_InvalidatesCacheAndMemo_AndNewValuesAreLoaded()
    {
        var store = Stores.Create(_dir.Path);
        await store.LoadAsync("TCS");
        _dir.Write("TCS.csv", CsvSamples.Lines(CsvSamples.BundledHeader, CsvSamples.Row("2021-01-27", 20, 21, 19, 20.5)));

        var sameStore = await store.LoadAsync("TCS");
        var otherStore = await Stores.Create(_dir.Path).LoadAsync("TCS");

        Assert.False(sameStore.FromCache);
        Assert.Equal([20.5], sameStore.Bars.Close);
        Assert.True(otherStore.FromCache);
        Assert.Equal([20.5], otherStore.Bars.Close);
    }

    [Fact]
    public async Task ChangedCsv_SameLength_IsDetectedByWriteTime()
    {
        string path = Path.Combine(_dir.Path, "TCS.csv");
        await Stores.Create(_dir.Path).LoadAsync("TCS");
        var written = File.GetLastWriteTimeUtc(path);
        string changed = CsvSamples.ThreeGoodRows().Replace("10,1000,", "10,2000,", StringComparison.Ordinal);
        File.WriteAllText(path, changed);
        File.SetLastWriteTimeUtc(path, written.AddSeconds(5));

        var loaded = await Stores.Create(_dir.Path).LoadAsync("TCS");

        Assert.Equal(CsvSamples.ThreeGoodRows().Length, changed.Length);
        Assert.False(loaded.FromCache);
        Assert.Equal([2000d, 1000d, 1000d], loaded.Bars.Volume);
    }

    [Fact]
    public async Task TouchedCsv_SameContentNewTime_IsReparsedOnceThenCachedAgain()
    {
        string path = Path.Combine(_dir.Path, "TCS.csv");
        await Stores.Create(_dir.Path).LoadAsync("TCS");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));

        var touched = await Stores.Create(_dir.Path).LoadAsync("TCS");
        var again = await Stores.Create(_dir.Path).LoadAsync("TCS");

        Assert.False(touched.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal([10d, 11d, 12d], again.Bars.Close);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    public async Task DamagedCacheFile_FallsBackToCsv_LogsAndRewritesIt(string damage)
    {
        await Stores.Create(_dir.Path).LoadAsync("TCS");
        byte[] bytes = File.ReadAllBytes(CacheFile);
        File.WriteAllBytes(CacheFile, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "flipped" => [.. bytes[..^1], (byte)(bytes[^1] ^ 0x40)],
            _ => [],
        });
        var logger = new ListLogger<MarketDataStore>();

        var recovered = await Stores.Create(_dir.Path, logger).LoadAsync("TCS");
        var afterRewrite = await Stores.Create(_dir.Path).LoadAsync("TCS");

        Assert.False(recovered.FromCache);
        Assert.Equal([10d, 11d, 12d], recovered.Bars.Close);
        Assert.Equal([1000d, 1000d, 1000d], recovered.Bars.Volume);
        Assert.Single(logger.Warnings, w => w.StartsWith("Bar cache file for TCS is damaged", StringComparison.Ordinal));
        Assert.True(afterRewrite.FromCache);
        AssertSameBars(recovered.Bars, afterRewrite.Bars);
    }

    [Fact]
    public async Task TornWrite_LeftoverTempFileAndHalfCache_DoNotDisturbLoads()
    {
        // A writer killed mid-way leaves a .tmp file; the real cache file is only ever replaced whole.
        await Stores.Create(_dir.Path).LoadAsync("TCS");
        byte[] whole = File.ReadAllBytes(CacheFile);
        File.WriteAllBytes(Path.Combine(_dir.Path, ".cache", "TCS.0123456789abcdef.tmp"), whole[..100]);

        var loaded = await Stores.Create(_dir.Path).LoadAsync("TCS");

        Assert.True(loaded.FromCache);
        Assert.Equal(3, loaded.Bars.Count);
    }

    [Fact]
    public async Task UnwritableCacheDirectory_LoadsUncached_AndWarnsOnce()
    {
        // A path below a regular file cannot be created even by root, unlike a chmod-ed folder.
        string blocker = _dir.Write("blocker", "not a folder");
        _dir.Write("INFY.csv", CsvSamples.ThreeGoodRows());
        var logger = new ListLogger<MarketDataStore>();
        var store = Stores.Create(_dir.Path, logger, o => o.CacheDirectory = Path.Combine(blocker, "cache"));

        var tcs = await store.LoadAsync("TCS");
        var infy = await store.LoadAsync("INFY");
        var again = await Stores.Create(_dir.Path, logger, o => o.CacheDirectory = Path.Combine(blocker, "cache")).LoadAsync("TCS");

        Assert.False(tcs.FromCache);
        Assert.False(infy.FromCache);
        Assert.False(again.FromCache);
        Assert.Equal([10d, 11d, 12d], again.Bars.Close);
        Assert.Equal(2, logger.Warnings.Count(w => w.StartsWith($"Cannot write the bar cache in {Path.Combine(blocker, "cache")}", StringComparison.Ordinal)));
        Assert.Equal(2, logger.Warnings.Count);
    }

    [Fact]
    public async Task CustomCacheDirectory_IsUsed()
    {
        string cacheDir = _dir.Combine("elsewhere");

        await Stores.Create(_dir.Path, configure: o => o.CacheDirectory = cacheDir).LoadAsync("TCS");

        Assert.True(File.Exists(Path.Combine(cacheDir, "TCS.bars")));
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, ".cache")));
    }

    [Fact]
    public async Task UseCacheFalse_ParsesEveryTimeAndWritesNothing()
    {
        var store = Stores.Create(_dir.Path, configure: o => o.UseCache = false);

        var first = await store.LoadAsync("TCS");
        var second = await store.LoadAsync("TCS");

        Assert.False(first.FromCache);
        Assert.False(second.FromCache);
        Assert.NotSame(first.Bars, second.Bars);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, ".cache")));
    }

    [Fact]
    public async Task StrictLoad_AfterLenientLoadCachedSkippedRows_StillFailsWithTheSameError()
    {
        _dir.Write("TCS.csv", CsvSamples.Lines(
            CsvSamples.BundledHeader,
            CsvSamples.Row("2021-01-27", 10, 10.5, 9.5, 10),
            "2021-01-28 00:00:00+05:30,11,11.5,10.5,abc,1000,0.0,0.0",
            CsvSamples.Row("2021-01-29", 12, 12.5, 11.5, 12)));
        const string Expected = "data-dir line 3: 'Close' is not a number: \"abc\"";

        var lenient = await Stores.Create(_dir.Path).LoadAsync("TCS", lenient: true);
        var fromCache = await Stores.Create(_dir.Path).LoadAsync("TCS", lenient: true);
        var strictSameStore = Stores.Create(_dir.Path);
        await strictSameStore.LoadAsync("TCS", lenient: true);
        var strictError = await Assert.ThrowsAsync<CsvFormatException>(() => strictSameStore.LoadAsync("TCS", lenient: false).AsTask());
        var defaultError = await Assert.ThrowsAsync<CsvFormatException>(() => Stores.Create(_dir.Path).LoadAsync("TCS").AsTask());

        Assert.False(lenient.FromCache);
        Assert.True(fromCache.FromCache);
        Assert.Equal(1, fromCache.SkippedRows);
        Assert.Equal(["TCS: skipped 1 bad row (first: line 3: 'Close' is not a number: \"abc\")"], lenient.Warnings);
        Assert.Equal(lenient.Warnings, fromCache.Warnings);
        Assert.Equal([10d, 12d], fromCache.Bars.Close);
        Assert.Equal(Expected.Replace("data-dir", Path.Combine(Path.GetFileName(_dir.Path), "TCS.csv"), StringComparison.Ordinal), strictError.Message);
        Assert.Equal(strictError.Message, defaultError.Message);
    }

    [Fact]
    public async Task LenientOption_IsTheDefaultForLoadsThatDoNotSay()
    {
        _dir.Write("TCS.csv", CsvSamples.Lines(CsvSamples.BundledHeader, CsvSamples.Row("2021-01-27", 10, 10.5, 9.5, 10), "2021-01-28,bad"));

        var loaded = await Stores.Create(_dir.Path, configure: o => o.Lenient = true).LoadAsync("TCS");

        Assert.Equal(1, loaded.SkippedRows);
        Assert.Equal(["TCS: skipped 1 bad row (first: line 3: missing fields: the row has 2 but the header has 8)"], loaded.Warnings);
    }

    [Fact]
    public async Task ConcurrentLoads_FromManyStores_AllSeeTheSameBars()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => Stores.Create(_dir.Path)).ToArray();

        var loads = await Task.WhenAll(stores.SelectMany(s => Enumerable.Range(0, 4).Select(_ => Task.Run(() => s.LoadAsync("TCS").AsTask()))));

        Assert.All(loads, l => AssertSameBars(loads[0].Bars, l.Bars));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir.Path, ".cache"), "*.tmp"));
    }

    private static void AssertSameBars(BarSeries expected, BarSeries actual)
    {
        Assert.Equal(expected.Symbol, actual.Symbol);
        Assert.Equal(expected.Days, actual.Days);
        Assert.Equal(expected.Open, actual.Open);
        Assert.Equal(expected.High, actual.High);
        Assert.Equal(expected.Low, actual.Low);
        Assert.Equal(expected.Close, actual.Close);
        Assert.Equal(expected.Volume, actual.Volume);
    }
}
