namespace ClaudBot.MarketData;

/// <summary>
/// One or more well-formed symbols that are not in the data set. The message suggests close
/// matches (<c>Unknown symbol "RELIANC": did you mean RELIANCE?</c>) or says how to see the list.
/// </summary>
public sealed class UnknownSymbolException : MarketDataException
{
    public UnknownSymbolException(IReadOnlyList<UnknownSymbol> unknown, int availableCount)
        : base(Describe(unknown, availableCount))
    {
        Unknown = unknown;
    }

    public UnknownSymbolException()
    {
        Unknown = [];
    }

    public UnknownSymbolException(string message)
        : base(message)
    {
        Unknown = [];
    }

    public UnknownSymbolException(string message, Exception innerException)
        : base(message, innerException)
    {
        Unknown = [];
    }

    /// <summary>Most unknown symbols the message names; the rest are counted.</summary>
    public const int MaxNamed = 5;

    /// <summary>Every unknown symbol of the request, in the order given.</summary>
    public IReadOnlyList<UnknownSymbol> Unknown { get; }

    /// <summary>Close matches for the first (usually the only) unknown symbol, best first; at most five.</summary>
    public IReadOnlyList<string> Suggestions => Unknown.Count > 0 ? Unknown[0].Suggestions : [];

    private static string Describe(IReadOnlyList<UnknownSymbol> unknown, int availableCount)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        string listHint = $"ask for the symbol list to see all {availableCount} available";
        if (unknown.Count == 1)
        {
            var only = unknown[0];
            return only.Suggestions.Count > 0
                ? $"Unknown symbol \"{only.Input}\": did you mean {JoinAlternatives(only.Suggestions)}?"
                : $"Unknown symbol \"{only.Input}\": nothing similar among the data; {listHint}.";
        }

        // A long list is named in part: 10,000 unknown names must not become a 100 KB message.
        var parts = unknown.Take(MaxNamed).Select(u => u.Suggestions.Count > 0
            ? $"\"{u.Input}\" (did you mean {JoinAlternatives(u.Suggestions)}?)"
            : $"\"{u.Input}\" (nothing similar)");
        string more = unknown.Count > MaxNamed ? $" and {unknown.Count - MaxNamed:N0} more" : string.Empty;
        return $"Unknown symbols: {string.Join(", ", parts)}{more}. To see all {availableCount} available, ask for the symbol list.";
    }

    private static string JoinAlternatives(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
}
