namespace ClaudBot.Tests.Chat;

/// <summary>
/// What a terminal shows, scrollback included: lines without their trailing blanks, blank lines at the
/// bottom (the unused part of the pane) dropped.
/// </summary>
internal sealed record Screen(string Text)
{
    public IReadOnlyList<string> Lines { get; } = Split(Text);

    /// <summary>The last line with something on it: where the cursor's line is once output stops.</summary>
    public string LastLine => Lines.Count == 0 ? string.Empty : Lines[^1];

    public bool Contains(string text) => Text.Contains(text, StringComparison.Ordinal);

    public int CountLines(string line) => Lines.Count(l => l == line);

    public override string ToString() => string.Join('\n', Lines);

    private static string[] Split(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return [.. lines];
    }
}
