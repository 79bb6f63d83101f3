using ClaudBot.Intents.Catalog;
using ClaudBot.Intents.Tests.Matching;

namespace ClaudBot.Intents.Tests.Evaluation;

/// <summary>
/// The held-out evaluation set (<see cref="EvaluationSet"/>) is well formed, names only intents that exist, is big
/// enough on both splits to measure with, stays held out (no phrase shared between the splits, the phrase table or
/// the catalogue's examples), and never talks the pattern tier into a destructive action on a phrase that means nothing.
/// </summary>
public sealed class EvaluationSetTests
{
    /// <summary>Intents being added to the catalogue now; the set may name them before they ship.</summary>
    private static readonly string[] Upcoming = ["best_strategy", "explain_losses"];

    private static readonly string[] Destructive = ["stop_cluster", "restart_cluster", "cancel_job", "cleanup_results", "cancel_schedule"];

    public static TheoryData<string> Splits => new(EvaluationSet.Splits);

    private static IntentCatalog Catalog => CatalogLoader.LoadFile(ShippedMatcher.CatalogFile);

    [Theory]
    [MemberData(nameof(Splits))]
    public void Split_Parses_AsTwoTabSeparatedColumnsUnderTheHeader(string split)
    {
        string path = EvaluationSet.Location(split);
        Assert.True(File.Exists(path), $"{path} is not copied next to the tests");
        var lines = File.ReadAllLines(path);
        Assert.Equal("phrase\tintent", lines[0]);
        Assert.All(lines.Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#')), line =>
        {
            var columns = line.Split('\t');
            Assert.True(columns.Length == 2, $"{split}.tsv: not two columns: '{line}'");
            Assert.False(string.IsNullOrWhiteSpace(columns[0]), $"{split}.tsv: empty phrase: '{line}'");
            Assert.False(string.IsNullOrWhiteSpace(columns[1]), $"{split}.tsv: empty intent: '{line}'");
        });

        var rows = EvaluationSet.Load(split);
        Assert.Equal(lines.Skip(1).Count(l => l.Length > 0 && !l.StartsWith('#')), rows.Count);
    }

    [Fact]
    public void Loader_RefusesAFileWithoutTheHeader_OrWithAThirdColumn_OrAnEmptyPhrase()
    {
        string folder = Path.Combine(Path.GetTempPath(), "claudbot-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string Write(string name, string text)
            {
                string path = Path.Combine(folder, name);
                File.WriteAllText(path, text);
                return path;
            }

            Assert.Throws<FormatException>(() => EvaluationSet.LoadFile(Write("noheader.tsv", "start the cluster\tstart_cluster\n")));
            Assert.Throws<FormatException>(() => EvaluationSet.LoadFile(Write("three.tsv", "phrase\tintent\nstart it\tstart_cluster\textra\n")));
            Assert.Throws<FormatException>(() => EvaluationSet.LoadFile(Write("space.tsv", "phrase\tintent\nstart it    start_cluster\n")));
            Assert.Throws<FormatException>(() => EvaluationSet.LoadFile(Write("empty.tsv", "phrase\tintent\n \tnone\n")));
            var rows = EvaluationSet.LoadFile(Write("ok.tsv", "phrase\tintent\n# a comment\n\nstart it\tstart_cluster\n"));
            var row = Assert.Single(rows);
            Assert.Equal(("start it", "start_cluster", 4), (row.Phrase, row.Intent, row.Line));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void EveryIntentNamed_IsNone_AnUpcomingIntent_OrOneOfTheShippedCatalogue(string split)
    {
        var known = Catalog.Intents.Select(i => i.Name).Concat(Upcoming).Append(EvaluationSet.None).ToHashSet(StringComparer.Ordinal);

        Assert.All(EvaluationSet.Load(split), row => Assert.True(
            known.Contains(row.Intent), $"{split}.tsv line {row.Line}: '{row.Intent}' is not an intent ('{row.Phrase}')"));
    }

    [Fact]
    public void NoPhrase_AppearsTwice_InASplitOrAcrossTheSplits()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeats = new List<string>();
        foreach (string split in EvaluationSet.Splits)
        {
            foreach (var row in EvaluationSet.Load(split))
            {
                string where = $"{split}.tsv line {row.Line}";
                if (!seen.TryAdd(EvaluationSet.Normalize(row.Phrase), where))
                {
                    repeats.Add($"'{row.Phrase}' at {where} and {seen[EvaluationSet.Normalize(row.Phrase)]}");
                }
            }
        }

        Assert.Empty(repeats);
    }

    [Fact]
    public void NoPhrase_IsInThePhraseTable_OrAmongTheCatalogueExamples()
    {
        var tuned = PhraseTable.Rows().Select(r => EvaluationSet.Normalize(PhraseTable.Expand(r.Phrase)))
            .Concat(Catalog.Intents.SelectMany(i => i.Examples).Select(EvaluationSet.Normalize))
            .ToHashSet(StringComparer.Ordinal);

        var leaked = EvaluationSet.Splits.SelectMany(split => EvaluationSet.Load(split)
            .Where(row => tuned.Contains(EvaluationSet.Normalize(row.Phrase)))
            .Select(row => $"{split}.tsv line {row.Line}: '{row.Phrase}'")).ToList();

        Assert.Empty(leaked);
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Split_HasAtLeast300Rows_AndAtLeast50ThatMeanNothing(string split)
    {
        var rows = EvaluationSet.Load(split);

        Assert.True(rows.Count >= 300, $"{split}.tsv has only {rows.Count} rows");
        int none = rows.Count(r => r.Intent == EvaluationSet.None);
        Assert.True(none >= 50, $"{split}.tsv has only {none} '{EvaluationSet.None}' rows");
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void EveryCatalogueIntent_AndEachUpcomingOne_HasAtLeast8RowsInTheSplit(string split)
    {
        var counts = EvaluationSet.Load(split).CountBy(r => r.Intent).ToDictionary(StringComparer.Ordinal);

        Assert.All(Catalog.Intents.Select(i => i.Name).Concat(Upcoming), intent => Assert.True(
            counts.GetValueOrDefault(intent) >= 8, $"{split}.tsv has {counts.GetValueOrDefault(intent)} rows of {intent}, fewer than 8"));
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void PatternTier_NeverReadsAPhraseThatMeansNothing_AsADestructiveIntentItWouldRun(string split)
    {
        var matcher = ShippedMatcher.Instance;

        var harmful = EvaluationSet.Load(split)
            .Where(row => row.Intent == EvaluationSet.None)
            .Select(row => (row, match: matcher.Match(row.Phrase, ShippedMatcher.Today)))
            .Where(x => x.match.Intent is { } intent && Destructive.Contains(intent, StringComparer.Ordinal) && x.match.Error is null)
            .Select(x => $"{split}.tsv line {x.row.Line}: '{x.row.Phrase}' read as {MatchRendering.Render(x.match, ShippedMatcher.Catalog)}")
            .ToList();

        Assert.Empty(harmful);
    }
}
