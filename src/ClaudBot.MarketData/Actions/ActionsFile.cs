using System.Globalization;
using ClaudBot.MarketData.Import;

namespace ClaudBot.MarketData.Actions;

/// <summary>
/// <c>actions.csv</c>, the corporate actions of a data folder: a header <c>date,symbol,ratio[,kind][,amount]</c> (any
/// order; with no header the columns are taken in that order) and one line per action. <c>kind</c> is <c>split</c> (the
/// default when the column is absent or empty), <c>bonus</c> (adjusted exactly like a split: a 1:1 bonus is ratio 2) or
/// <c>dividend</c>, whose amount per share is the <c>amount</c> column, or the <c>ratio</c> column when there is none.
/// Dates are <c>YYYY-MM-DD</c>, <c>DD-MM-YYYY</c>, <c>DD/MM/YYYY</c> or <c>DD-Mon-YYYY</c>. A later line for the same
/// symbol, date and kind replaces an earlier one.
/// </summary>
public static class ActionsFile
{
    /// <summary>The file's name in a data folder.</summary>
    public const string FileName = "actions.csv";

    private const string Header = "date,symbol,ratio,kind";

    /// <summary>
    /// Adds <paramref name="splits"/> to <c>actions.csv</c> in <paramref name="directory"/> (created with a header when
    /// absent), leaving out those already there with the same ratio. Called by an import that read a split column.
    /// </summary>
    /// <returns>How many lines were added.</returns>
    /// <exception cref="ArgumentException">A split's ratio is not a positive number (a split column's 0 means "no split": leave it out).</exception>
    public static int Append(string directory, IEnumerable<SplitEvent> splits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(splits);
        var events = splits.ToList();
        if (events.Find(s => !(s.Ratio > 0) || !double.IsFinite(s.Ratio)) is { } bad)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The split of {bad.Symbol} on {bad.Date:yyyy-MM-dd} has ratio {bad.Ratio}; a ratio must be a number greater than 0."),
                nameof(splits));
        }

        string path = Path.Combine(directory, FileName);
        var existing = File.Exists(path) ? Read(path, path) : ActionsFileContent.Empty;
        var known = existing.Rows.Where(r => r.Split is not null).ToDictionary(r => r.Key, r => r.Split!.Ratio);
        var columns = File.Exists(path) ? ExistingColumns(path) : ActionsColumns.Written;
        var lines = new List<string>();
        foreach (var split in events)
        {
            var row = new ActionRow(0, split with { Symbol = Symbols.SymbolName.Normalize(split.Symbol) }, null);
            if (known.TryGetValue(row.Key, out double ratio) && ratio.Equals(split.Ratio))
            {
                continue;
            }

            known[row.Key] = split.Ratio;
            lines.Add(Line(row.Split!, columns));
        }

        if (lines.Count == 0)
        {
            return 0;
        }

        Directory.CreateDirectory(directory);
        bool needsHeader = !File.Exists(path) || new FileInfo(path).Length == 0;
        bool needsNewline = !needsHeader && !EndsWithNewline(path);
        using var writer = new StreamWriter(path, append: true);
        writer.NewLine = "\n";
        if (needsHeader)
        {
            writer.WriteLine(Header);
        }
        else if (needsNewline)
        {
            writer.WriteLine();
        }

        foreach (string line in lines)
        {
            writer.WriteLine(line);
        }

        return lines.Count;
    }

    /// <summary>Reads the file at <paramref name="path"/>; problems name it as <paramref name="displayName"/>.</summary>
    internal static ActionsFileContent Read(string path, string displayName)
    {
        string[] lines = File.ReadAllLines(path);
        var rows = new List<ActionRow>();
        var problems = new List<ActionsProblem>();
        var columns = ActionsColumns.Default;
        for (int i = 0; i < lines.Length; i++)
        {
            string text = i == 0 ? lines[i].TrimStart('\uFEFF') : lines[i];
            if (string.IsNullOrWhiteSpace(text) || text.TrimStart().StartsWith('#'))
            {
                continue;
            }

            string[] fields = text.Split(',');
            if (i == 0 && ActionsColumns.FromHeader(fields) is { } header)
            {
                columns = header;
                continue;
            }

            var (row, symbol, problem) = ActionRowParser.Parse(fields, columns, i + 1);
            if (row is { } good)
            {
                rows.Add(good);
            }
            else
            {
                problems.Add(new ActionsProblem(symbol, $"{displayName} line {i + 1}: {problem}"));
            }
        }

        return new ActionsFileContent(rows, problems);
    }

    private static ActionsColumns ExistingColumns(string path)
    {
        string? first = File.ReadLines(path).FirstOrDefault()?.TrimStart('\uFEFF');
        return first is null ? ActionsColumns.Written : ActionsColumns.FromHeader(first.Split(',')) ?? ActionsColumns.Written;
    }

    // Written in the file's own column order, so a header such as symbol,date,ratio stays true.
    private static string Line(SplitEvent split, ActionsColumns columns)
    {
        var fields = new string[columns.Width];
        Put(fields, columns.Date, split.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put(fields, columns.Symbol, split.Symbol);
        Put(fields, columns.Ratio, split.Ratio.ToString("R", CultureInfo.InvariantCulture));
        Put(fields, columns.Kind, "split");
        return string.Join(',', fields.Select(f => f ?? string.Empty));
    }

    private static void Put(string[] fields, int index, string value)
    {
        if (index >= 0)
        {
            fields[index] = value;
        }
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }
}
