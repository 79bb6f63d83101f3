namespace ClaudBot.Bench;

/// <summary>One labelled phrase of an evaluation split: the phrase and the intent it means (null: none).</summary>
internal sealed record EvaluationRow(string Text, string? Intent);

/// <summary>
/// The intents' evaluation splits (<c>dev.tsv</c>, <c>test.tsv</c>; the tests read them with their EvaluationSet):
/// the header <c>phrase&lt;TAB&gt;intent</c>, then one <c>phrase&lt;TAB&gt;intent</c> a line, <c>none</c> (or <c>-</c>)
/// for a phrase that means no intent; blank lines and <c>#</c> comments are skipped. Read from a folder, as the bench
/// runs from the program, not from the tests.
/// </summary>
internal static class EvaluationFile
{
    public const string DefaultFolder = "tests/ClaudBot.Intents.Tests/Evaluation";

    /// <summary>The repository's evaluation folder, searched upwards from <paramref name="start"/>; null when none.</summary>
    public static string? FindFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, DefaultFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static IReadOnlyList<EvaluationRow> Read(string file)
    {
        var rows = new List<EvaluationRow>();
        bool first = true;
        foreach (string text in File.ReadLines(file))
        {
            string line = text.TrimStart('\uFEFF').TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            string intent = cells.Length > 1 ? cells[1].Trim() : string.Empty;
            bool header = first && cells[0].Trim() is "phrase" or "text" && intent == "intent";
            first = false;
            if (header)
            {
                continue;
            }

            rows.Add(new EvaluationRow(cells[0], intent is "" or "-" or "none" ? null : intent));
        }

        return rows;
    }
}
