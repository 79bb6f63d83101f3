using System.Globalization;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Store;

/// <summary>The real data/ folder, copied next to the test binaries by the project file.</summary>
public sealed class BundledDataTests : IDisposable
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
    private readonly TempDirectory _cache = new();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task AllBundledSymbols_LoadStrictly_WithTheKnownRowCountsAndDates()
    {
        var store = Stores.Create(DataDirectory, configure: o => o.CacheDirectory = _cache.Path);

        var counts = new Dictionary<string, int>();
        foreach (string symbol in store.Symbols)
        {
            var loaded = await store.LoadAsync(symbol, lenient: false);
            Assert.Empty(loaded.Warnings);
            Assert.Equal(new DateOnly(2021, 1, 27), loaded.Bars.FirstDate);
            Assert.Equal(new DateOnly(2026, 1, 23), loaded.Bars.LastDate);
            counts[symbol] = loaded.Bars.Count;
        }

        Assert.Equal(49, store.Symbols.Count);
        Assert.Contains("M&M", store.Symbols);
        Assert.Contains("BAJAJ-AUTO", store.Symbols);
        Assert.Equal(1236, counts["SHREECEM"]);
        Assert.Equal(1237, counts["BRITANNIA"]);
        Assert.All(counts.Where(c => c.Key is not ("SHREECEM" or "BRITANNIA")), c => Assert.Equal(1238, c.Value));
        Assert.Equal(60_659, counts.Values.Sum());
    }

    [Fact]
    public async Task Reliance_FirstRow_MatchesTheCsvTextExactly()
    {
        string[] first = File.ReadLines(Path.Combine(DataDirectory, "RELIANCE.csv")).Skip(1).First().Split(',');
        var store = Stores.Create(DataDirectory, configure: o => o.CacheDirectory = _cache.Path);

        var parsed = (await store.LoadAsync("RELIANCE")).Bars;
        var cached = (await Stores.Create(DataDirectory, configure: o => o.CacheDirectory = _cache.Path).LoadAsync("RELIANCE")).Bars;

        Assert.Equal("2021-01-27 00:00:00+05:30", first[0]);
        foreach (var bars in new[] { parsed, cached })
        {
            Assert.Equal(new DateOnly(2021, 1, 27).DayNumber, bars.Days[0]);
            Assert.Equal(double.Parse(first[1], CultureInfo.InvariantCulture), bars.Open[0]);
            Assert.Equal(double.Parse(first[2], CultureInfo.InvariantCulture), bars.High[0]);
            Assert.Equal(double.Parse(first[3], CultureInfo.InvariantCulture), bars.Low[0]);
            Assert.Equal(double.Parse(first[4], CultureInfo.InvariantCulture), bars.Close[0]);
            Assert.Equal(double.Parse(first[5], CultureInfo.InvariantCulture), bars.Volume[0]);
        }

        Assert.Equal(872.8552326609131, parsed.Open[0]);
        Assert.Equal(859.2522583007812, parsed.Close[0]);
        Assert.Equal(42_370_131d, parsed.Volume[0]);
    }

    [Fact]
    public void HdfcAlias_InTheBundledData_ResolvesToHdfcBankWithItsNote()
    {
        var store = Stores.Create(DataDirectory, configure: o => o.CacheDirectory = _cache.Path);

        Assert.Equal(
            new SymbolResolution("HDFC", "HDFCBANK", IsAlias: true, "HDFC Ltd merged into HDFC Bank in July 2023; HDFC resolves to HDFCBANK"),
            store.Resolve("hdfc"));
    }
}
