using System.Text.Json;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Symbols;

/// <summary>A client reading requests against another machine's data from its listing alone.</summary>
public sealed class ListedMarketDataTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly MarketDataStore _store;
    private readonly ListedMarketData _listed;

    public ListedMarketDataTests()
    {
        foreach (string name in new[] { "TCS", "HDFCBANK", "INFY" })
        {
            _dir.Write(name + ".csv", CsvSamples.ThreeGoodRows());
        }

        _dir.Write("aliases.csv", CsvSamples.Lines("alias,symbol,note", "HDFC,HDFCBANK,HDFC Ltd merged into HDFC Bank in July 2023"));
        _store = Stores.Create(_dir.Path);

        // Through the wire format, as the client receives it.
        string json = JsonSerializer.Serialize(_store.Listing(), DataListingJson.Default.DataListing);
        _listed = new ListedMarketData(JsonSerializer.Deserialize(json, DataListingJson.Default.DataListing)!);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Listing_ResolvesLikeTheStoreItCameFrom()
    {
        Assert.Equal(_store.Symbols, _listed.Symbols);
        Assert.Equal(_store.LastDay, _listed.LastDay);
        Assert.NotNull(_listed.LastDay);
        Assert.Equal(_store.Resolve("hdfc"), _listed.Resolve("hdfc"));
        Assert.Equal(_store.ResolveAll(["TCS", "HDFC", "HDFCBANK"]), _listed.ResolveAll(["TCS", "HDFC", "HDFCBANK"]));
    }

    [Fact]
    public void UnknownSymbol_GetsTheSameSuggestions()
    {
        var here = Assert.Throws<UnknownSymbolException>(() => _store.Resolve("TSC"));
        var listed = Assert.Throws<UnknownSymbolException>(() => _listed.Resolve("TSC"));

        Assert.Equal(here.Message, listed.Message);
    }

    [Fact]
    public async Task Bars_AreNotHere_AndSaySo()
    {
        var error = await Assert.ThrowsAsync<MarketDataException>(async () => await _listed.LoadAsync("TCS"));

        Assert.Contains("TCS are on the server", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<UnknownSymbolException>(async () => await _listed.LoadAsync("NOPE"));
    }
}
