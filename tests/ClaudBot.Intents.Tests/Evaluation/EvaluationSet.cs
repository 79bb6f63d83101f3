namespace ClaudBot.Intents.Tests.Evaluation;

/// <summary>One row of the held-out evaluation set: what a user typed and the intent it means (<c>none</c>: act on nothing).</summary>
/// <param name="Phrase">The text as typed.</param>
/// <param name="Intent">A catalogue intent's name, or <see cref="EvaluationSet.None"/>.</param>
public sealed record EvaluationRow(string Phrase, string Intent)
{
    /// <summary>The row's line in its file (1-based), to name it in messages.</summary>
    public int Line { get; init; }
}

/// <summary>
/// The held-out evaluation set for intent understanding (issue #16): <c>Evaluation/dev.tsv</c> (to calibrate on) and
/// <c>Evaluation/test.tsv</c> (to report on), copied next to the tests by the project. Each file is UTF-8: the header
/// <c>phrase&lt;TAB&gt;intent</c>, then one <c>phrase&lt;TAB&gt;intent</c> per line; <c>#</c> comment lines and blank
/// lines are skipped. Anything else (not two columns, an empty phrase or intent, a missing header) is a
/// <see cref="FormatException"/> naming the file and line.
/// </summary>
public static class EvaluationSet
{
    /// <summary>The intent of a row the bot must not act on.</summary>
    public const string None = "none";

    /// <summary>The split to calibrate thresholds on.</summary>
    public const string Dev = "dev";

    /// <summary>The split to report accuracy on.</summary>
    public const string Test = "test";

    /// <summary>Both splits, dev first.</summary>
    public static IReadOnlyList<string> Splits { get; } = [Dev, Test];

    private const string Header = "phrase\tintent";

    /// <summary>Where a split's file is: <c>Evaluation/{split}.tsv</c> next to the test binaries.</summary>
    public static string Location(string split)
    {
        ArgumentNullException.ThrowIfNull(split);
        if (!Splits.Contains(split, StringComparer.Ordinal))
        {
            throw new ArgumentException($"No split '{split}': the splits are {string.Join(" and ", Splits)}.", nameof(split));
        }

        return Path.Combine(AppContext.BaseDirectory, "Evaluation", split + ".tsv");
    }

    /// <summary>The rows of a split (<see cref="Dev"/> or <see cref="Test"/>), in file order.</summary>
    public static IReadOnlyList<EvaluationRow> Load(string split) => LoadFile(Location(split));

    /// <summary>The rows of an evaluation file, in file order.</summary>
    public static IReadOnlyList<EvaluationRow> LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = new List<EvaluationRow>();
        string name = Path.GetFileName(path);
        int number = 0;
        foreach (string text in File.ReadLines(path, System.Text.Encoding.UTF8))
        {
            number++;
            string line = number == 1 ? text.TrimStart('\uFEFF') : text;
            if (number == 1)
            {
                if (!string.Equals(line.TrimEnd('\r'), Header, StringComparison.Ordinal))
                {
                    throw new FormatException($"{name} line 1: the header must be 'phrase<TAB>intent'.");
                }

                continue;
            }

            line = line.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length != 2)
            {
                throw new FormatException($"{name} line {number}: {columns.Length} tab-separated columns, not 2 (phrase, intent).");
            }

            string phrase = columns[0].Trim();
            string intent = columns[1].Trim();
            if (phrase.Length == 0)
            {
                throw new FormatException($"{name} line {number}: the phrase is empty.");
            }

            if (intent.Length == 0 || intent.Any(char.IsWhiteSpace))
            {
                throw new FormatException($"{name} line {number}: the intent must be one word, not '{intent}'.");
            }

            rows.Add(new EvaluationRow(phrase, intent) { Line = number });
        }

        if (number == 0)
        {
            throw new FormatException($"{name}: empty, not even the header.");
        }

        return rows;
    }

    /// <summary>A phrase as compared for duplicates: trimmed, lower case, runs of white space as one space.</summary>
    public static string Normalize(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return string.Join(' ', phrase.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
