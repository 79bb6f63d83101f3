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
}
