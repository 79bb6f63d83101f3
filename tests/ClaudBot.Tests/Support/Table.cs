namespace ClaudBot.Tests.Support;

/// <summary>Reads a rendered Spectre table back (rounded border, Unicode).</summary>
internal static class Table
{
    /// <summary>The first cell of every body row that has one, top to bottom (continuation lines of a wrapped row have none).</summary>
    public static IReadOnlyList<string> FirstColumn(IEnumerable<string> lines) =>
        [.. lines
            .SkipWhile(line => !line.StartsWith('├'))
            .Where(line => line.StartsWith('│'))
            .Select(line => line.Split('│')[1].Trim())
            .Where(cell => cell.Length > 0)];

    /// <summary>The cells of the column headed <paramref name="heading"/>, top to bottom, for tables whose rows do not wrap.</summary>
    public static IReadOnlyList<string> Column(IEnumerable<string> lines, string heading)
    {
        var rows = lines.Where(line => line.StartsWith('│')).Select(line => line.Split('│').Select(cell => cell.Trim()).ToList()).ToList();
        int column = rows[0].IndexOf(heading);
        return column < 0 ? throw new InvalidOperationException($"No column '{heading}' in the table.") : [.. rows.Skip(1).Select(row => row[column])];
    }
}
