using ClaudBot.MarketData.Symbols;
using ClaudBot.MarketData.Tests.Support;

namespace ClaudBot.MarketData.Tests.Symbols;

public sealed class SymbolSuggesterTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("TCS", "", 3)]
    [InlineData("RELIANC", "RELIANCE", 1)]
    [InlineData("HDFCBNK", "HDFCBANK", 1)]
    [InlineData("KITTEN", "SITTING", 3)]
    [InlineData("INFOSYS", "INFY", 3)]
    public void Levenshtein_CountsInsertionsDeletionsAndSubstitutions(string a, string b, int distance)
    {
        Assert.Equal(distance, SymbolSuggester.Levenshtein(a, b));
        Assert.Equal(distance, SymbolSuggester.Levenshtein(b, a));
    }

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
