using ClaudBot.MarketData.Symbols;
using ClaudBot.MarketData.Tests.Support;
using ClaudBot.Testing;

namespace ClaudBot.MarketData.Tests.Symbols;

public sealed class SymbolSuggesterTests
{
    [Fact]
    public void Suggest_OrdersByDistanceThenPrefixThenName()
    {
        var suggestions = SymbolSuggester.Suggest("TATA", ["TATASTEEL", "TATACONSUM", "TITAN", "ITC", "DATA"]);

        Assert.Equal(["DATA", "TITAN", "TATASTEEL", "TATACONSUM"], suggestions);
    }

    [Fact]
    public void Resolve_ManyCloseMatches_OffersAtMostFive()
    {
        using var dir = new TempDirectory();
        foreach (string name in new[] { "A1", "A2", "A3", "A4", "A5", "A6", "A7" })
        {
            dir.Write(name + ".csv", CsvSamples.ThreeGoodRows());
        }

        var error = Assert.Throws<UnknownSymbolException>(() => Stores.Create(dir.Path).Resolve("A"));

        Assert.Equal(["A1", "A2", "A3", "A4", "A5"], error.Suggestions);
        Assert.Equal("Unknown symbol \"A\": did you mean A1, A2, A3, A4 or A5?", error.Message);
    }
}
