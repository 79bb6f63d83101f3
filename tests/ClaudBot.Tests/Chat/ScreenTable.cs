namespace ClaudBot.Tests.Chat;

/// <summary>A Spectre table as the terminal shows it (rounded border), read back by its title.</summary>
internal sealed record ScreenTable(IReadOnlyList<string> Lines, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The table under the line <paramref name="title"/>: every line from its top border to its bottom one.</summary>
    public static ScreenTable Find(IReadOnlyList<string> screen, string title)
    {
        int titleLine = screen.ToList().FindIndex(l => l.Trim() == title);
        Assert.True(titleLine >= 0, $"No table titled \"{title}\" in:\n{string.Join('\n', screen)}");
        var lines = screen.Skip(titleLine + 1).TakeWhile(l => !l.StartsWith('╰')).ToList();
        lines.Add(screen[titleLine + 1 + lines.Count]);
        var body = lines.SkipWhile(l => !l.StartsWith('├')).Where(l => l.StartsWith('│')).Select(Cells).ToList();
        return new ScreenTable(lines, Cells(lines[1]), body);
    }

    public string Cell(IReadOnlyList<string> row, string column)
    {
        int index = Header.ToList().IndexOf(column);
        Assert.True(index >= 0, $"No column \"{column}\" in {string.Join(", ", Header)}");
        return row[index];
    }

    private static string[] Cells(string line) => [.. line.Split('│')[1..^1].Select(c => c.Trim())];
}
