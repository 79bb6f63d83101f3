namespace ClaudBot.Intents.Tests.Matching;

/// <summary>
/// The phrase table, <c>Matching/phrases.txt</c>: every row states the whole match the shipped catalogue must
/// give (intent, slot values, missing, defaulted, alternatives, typos read) on <see cref="ShippedMatcher.Today"/>.
/// </summary>
public sealed class PhraseTableTests
{
    public static TheoryData<int, string, string> Rows => PhraseTable.Load();

    [Theory]
    [MemberData(nameof(Rows))]
    public void Phrase_GivesExactlyTheExpectedMatch(int line, string phrase, string expected)
    {
        _ = line; // names the row of phrases.txt in the test results
        var match = ShippedMatcher.Instance.Match(PhraseTable.Expand(phrase), ShippedMatcher.Today);

        Assert.Equal(expected, MatchRendering.Render(match, ShippedMatcher.Catalog));
        Assert.Equal(PhraseTable.IsActionable(expected), match.IsActionable);
    }

    [Fact]
    public void Table_HasAtLeast150Rows_CoversEveryIntentSeveralWays_AndHasNegatives()
    {
        var rows = PhraseTable.Rows().ToList();
        var intents = rows.Select(r => r.Expected.Split(' ')[0]).ToList();

        Assert.True(rows.Count >= 150, $"only {rows.Count} rows");
        Assert.All(ShippedMatcher.Catalog.Intents, intent => Assert.True(
            intents.Count(i => i == intent.Name) >= 5, $"{intent.Name} has fewer than 5 phrasings"));
        Assert.True(intents.Count(i => i == "-") >= 25, "fewer than 25 phrases that must match nothing");
        Assert.Distinct(rows.Select(r => r.Phrase), StringComparer.Ordinal);
    }
}
