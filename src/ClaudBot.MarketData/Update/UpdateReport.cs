namespace ClaudBot.MarketData.Update;

/// <summary>What an update did.</summary>
/// <param name="To">The last day asked for.</param>
/// <param name="Symbols">Per symbol, in the order asked (those with nothing to fetch included, with 0 added).</param>
/// <param name="Requests">Requests sent, retries included.</param>
/// <param name="Retries">Requests sent again after a 429, a 5xx, a timeout or a cut-off body.</param>
/// <param name="EmptyDays">Days the source had no session for (NSE: no bhavcopy; Yahoo: a day with no prices).</param>
/// <param name="SplitsRecorded">Splits written to the store's actions.csv.</param>
/// <param name="Stopped">One line when the run stopped before the end (offline, or the connection lost); what was stored is kept.</param>
public sealed record UpdateReport(
    UpdateSource Source,
    DateOnly To,
    IReadOnlyList<SymbolUpdate> Symbols,
    int Requests,
    int Retries,
    int EmptyDays,
    int SplitsRecorded,
    string? Stopped)
{
    public int Added => Symbols.Sum(s => s.Added);

    public bool HasProblems => Symbols.Any(s => s.Problem is not null);
}
