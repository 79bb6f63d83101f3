namespace ClaudBot.MarketData.Actions;

/// <summary>The bundled and user actions merged, by symbol.</summary>
internal sealed class ActionsTable
{
    /// <summary>The symbol of a problem that stops every load (the file itself cannot be read).</summary>
    public const string AnySymbol = "*";

    private readonly Dictionary<string, SymbolActions> _bySymbol;
    private readonly Dictionary<string, string> _problems;

    private ActionsTable(Dictionary<string, SymbolActions> bySymbol, Dictionary<string, string> problems, IReadOnlyList<string> orphans)
    {
        _bySymbol = bySymbol;
        _problems = problems;
        Orphans = orphans;
    }

    public static ActionsTable Empty { get; } = new([], [], []);

    /// <summary>Bad lines that name no readable symbol.</summary>
    public IReadOnlyList<string> Orphans { get; }

    /// <summary>Merges the files: a user row replaces a bundled one with the same symbol, date and kind.</summary>
    public static ActionsTable Merge(ActionsFileContent bundled, ActionsFileContent user)
    {
        var rows = new Dictionary<(string, DateOnly, bool), ActionRow>();
        foreach (var row in bundled.Rows.Concat(user.Rows))
        {
            rows[row.Key] = row;
        }

        var bySymbol = rows.Values
            .GroupBy(r => r.Symbol, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new SymbolActions(
                    [.. g.Where(r => r.Split is not null).Select(r => r.Split!).OrderBy(s => s.Date)],
                    [.. g.Where(r => r.Dividend is not null).Select(r => r.Dividend!).OrderBy(d => d.Date)]),
                StringComparer.Ordinal);

        // The first bad line of a symbol is the one its loads report.
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var orphans = new List<string>();
        foreach (var problem in bundled.Problems.Concat(user.Problems))
        {
            if (problem.Symbol is null)
            {
                orphans.Add(problem.Message);
            }
            else
            {
                problems.TryAdd(problem.Symbol, problem.Message);
            }
        }

        return new ActionsTable(bySymbol, problems, orphans);
    }

    /// <exception cref="MarketDataException">A line for <paramref name="symbol"/> is bad.</exception>
    public SymbolActions For(string symbol)
    {
        if (_problems.TryGetValue(symbol, out string? problem) || _problems.TryGetValue(AnySymbol, out problem))
        {
            throw new MarketDataException(problem);
        }

        return _bySymbol.TryGetValue(symbol, out var actions) ? actions : SymbolActions.None;
    }
}
