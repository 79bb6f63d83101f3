namespace ClaudBot.Dashboard.Tests.Browser;

/// <summary>What <see cref="PageScripts.SortedColumn"/> reads back: the header's aria-sort and the column's values.</summary>
internal sealed record SortedColumn
{
    public string Direction { get; init; } = string.Empty;

    public string[] Values { get; init; } = [];
}
