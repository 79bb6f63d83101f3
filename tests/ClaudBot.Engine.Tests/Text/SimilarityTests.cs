using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Tests.Text;

public sealed class SimilarityTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("TCS", "", 3)]
    [InlineData("RELIANC", "RELIANCE", 1)]
    [InlineData("HDFCBNK", "HDFCBANK", 1)]
    [InlineData("KITTEN", "SITTING", 3)]
    [InlineData("INFOSYS", "INFY", 3)]
    [InlineData("rsi", "RSI", 0)]
    [InlineData("strat", "start", 1)]
    [InlineData("ab", "ba", 1)]
    public void Distance_CountsInsertionsDeletionsAndSubstitutions(string a, string b, int distance)
    {
        Assert.Equal(distance, Similarity.Distance(a, b));
        Assert.Equal(distance, Similarity.Distance(b, a));
    }

    [Fact]
    public void Suggest_RanksByDistanceAndAcceptsPrefixes()
    {
        string[] names = ["rsi", "macd", "momentum", "bollinger"];

        Assert.Equal(["rsi"], Similarity.Suggest("rsx", names));
        Assert.Equal(["momentum"], Similarity.Suggest("mom", names));
        Assert.Equal(["bollinger"], Similarity.Suggest("bolinger", names));
        Assert.Empty(Similarity.Suggest("xyz", names));
    }
}
