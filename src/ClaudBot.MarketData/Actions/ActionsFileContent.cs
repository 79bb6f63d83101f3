namespace ClaudBot.MarketData.Actions;

/// <summary>What one <c>actions.csv</c> holds: its good rows in file order and its bad lines.</summary>
internal sealed record ActionsFileContent(IReadOnlyList<ActionRow> Rows, IReadOnlyList<ActionsProblem> Problems)
{
    public static ActionsFileContent Empty { get; } = new([], []);
}
