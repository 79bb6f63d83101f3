namespace ClaudBot.Intents.Semantic.Tests;

/// <summary>The scoring without the model: mean of the 2 nearest examples per intent, the score and margin cut-offs.</summary>
public sealed class ExampleIndexTests
{
    private static readonly ExampleIndex Index = new(
    [
        ("a", [[1, 0, 0], [0.8f, 0.6f, 0], [0, 0, 1]]),
        ("b", [[0, 1, 0]]),
    ]);

    [Fact]
    public void Rank_ScoresEachIntentByTheMeanOfItsTwoNearestExamples_BestFirst()
    {
        var ranked = Index.Rank([2, 0, 0]); // not of unit length: normalised first

        Assert.Equal(["a", "b"], ranked.Select(r => r.Intent));
        Assert.Equal(0.9, ranked[0].Score, 6); // (1 + 0.8) / 2; the third example (0) is not among the 2 nearest
        Assert.Equal(0.0, ranked[1].Score, 6); // b has one example
    }

    [Theory]
    [InlineData(0.5, 0.06, "a")]
    [InlineData(0.95, 0.06, null)] // below the least score
    [InlineData(0.5, 0.95, null)] // not far enough ahead of b
    public void Guess_NeedsTheLeastScoreAndTheMargin(double minScore, double minMargin, string? expected)
    {
        var guess = ExampleIndex.Guess(Index.Rank([1, 0, 0]), minScore, minMargin);

        Assert.Equal(expected, guess?.Intent);
        if (guess is not null)
        {
            Assert.Equal(0.9, guess.Margin, 6);
        }
    }
}
