using Microsoft.Extensions.Logging;

namespace ClaudBot.MarketData.Symbols;

/// <summary>
/// The symbols of a data directory (its <c>*.csv</c> files other than <c>aliases.csv</c> and <c>actions.csv</c>), layered under the
/// user's own data folder when there is one, and their aliases, read once. Resolves user text; only validated names ever become file paths.
/// </summary>
internal sealed class SymbolUniverse
{
    private const int MaxSuggestions = 5;
    // Symbol to CSV path; null paths for a universe built from a listing, whose bars are elsewhere.
    private readonly Dictionary<string, string?> _paths;
    private readonly Dictionary<string, AliasTarget> _aliases;

    private SymbolUniverse(Dictionary<string, string?> paths, Dictionary<string, AliasTarget> aliases)
    {
        _paths = paths;
        _aliases = aliases;
        Symbols = [.. paths.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Symbols { get; }

    public int AliasCount => _aliases.Count;

    /// <summary>
    /// The symbols of <paramref name="directory"/> (the bundled data) and of <paramref name="userDirectory"/> (the user's own,
    /// when given and present), a symbol in the user's folder winning; aliases come from the bundled folder.
    /// </summary>
    /// <exception cref="MarketDataException">The bundled directory does not exist.</exception>
    public static SymbolUniverse Load(string directory, ILogger logger, string? userDirectory = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new MarketDataException($"The market data directory '{directory}' does not exist.");
        }

        var paths = new Dictionary<string, string?>(StringComparer.Ordinal);
        AddFiles(directory, paths, logger, overrideEarlier: false);
        if (userDirectory is not null && Directory.Exists(userDirectory))
        {
            AddFiles(userDirectory, paths, logger, overrideEarlier: true);
        }

        return new SymbolUniverse(paths, AliasFile.Load(directory, paths, logger));
    }

    private static void AddFiles(string directory, Dictionary<string, string?> paths, ILogger logger, bool overrideEarlier)
    {
        var options = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFiles(directory, "*.csv", options).Order(StringComparer.Ordinal))
        {
            string fileName = Path.GetFileName(path);
            if (fileName.Equals(AliasFile.FileName, StringComparison.OrdinalIgnoreCase)
                || fileName.Equals(Actions.ActionsFile.FileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string symbol = SymbolName.Normalize(Path.GetFileNameWithoutExtension(path));
            if (!SymbolName.IsValid(symbol) || !seen.Add(symbol) || (!overrideEarlier && paths.ContainsKey(symbol)))
            {
                Log.CsvFileIgnored(logger, fileName);
                continue;
            }

            paths[symbol] = path;
        }
    }

    /// <summary>The symbols and aliases of another machine's data folder (no paths: its bars are not here).</summary>
    public static SymbolUniverse FromListing(DataListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var paths = listing.Symbols.Select(SymbolName.Validate).Distinct(StringComparer.Ordinal).ToDictionary(s => s, string? (_) => null, StringComparer.Ordinal);
        var aliases = listing.Aliases
            .Where(a => paths.ContainsKey(a.Symbol))
            .ToDictionary(a => SymbolName.Validate(a.Alias), a => new AliasTarget(a.Symbol, a.Note), StringComparer.Ordinal);
        return new SymbolUniverse(paths, aliases);
    }

    /// <summary>The aliases, for a listing.</summary>
    public IReadOnlyList<DataAlias> Aliases() =>
        [.. _aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new DataAlias(a.Key, a.Value.Symbol, a.Value.Note))];

    /// <exception cref="InvalidSymbolException">The text cannot be a symbol.</exception>
    /// <exception cref="UnknownSymbolException">No such symbol or alias.</exception>
    public SymbolResolution Resolve(string text)
    {
        string symbol = SymbolName.Validate(text);
        return TryResolve(symbol) ?? throw Unknown([symbol]);
    }

    public IReadOnlyList<SymbolResolution> ResolveAll(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var resolved = new List<SymbolResolution>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (string text in texts)
        {
            string symbol = SymbolName.Validate(text);
            var resolution = TryResolve(symbol);
            if (resolution is null)
            {
                unknown.Add(symbol);
            }
            else if (seen.Add(resolution.Symbol))
            {
                resolved.Add(resolution);
            }
        }

        return unknown.Count == 0 ? resolved : throw Unknown(unknown.Distinct(StringComparer.Ordinal));
    }

    /// <summary>The CSV path of a canonical symbol.</summary>
    /// <exception cref="InvalidSymbolException">Not a well-formed symbol.</exception>
    /// <exception cref="UnknownSymbolException">No file for it; an alias suggests its target.</exception>
    public string PathOf(string symbol)
    {
        string checkedSymbol = SymbolName.Validate(symbol);
        if (_paths.TryGetValue(checkedSymbol, out string? path))
        {
            return path ?? throw new MarketDataException($"The bars of {checkedSymbol} are on the server; this client keeps no copy of its data.");
        }

        throw _aliases.TryGetValue(checkedSymbol, out var alias)
            ? new UnknownSymbolException([new UnknownSymbol(checkedSymbol, [alias.Symbol])], _paths.Count)
            : Unknown([checkedSymbol]);
    }

    private SymbolResolution? TryResolve(string symbol)
    {
        if (_paths.ContainsKey(symbol))
        {
            return new SymbolResolution(symbol, symbol);
        }

        return _aliases.TryGetValue(symbol, out var alias) ? new SymbolResolution(symbol, alias.Symbol, IsAlias: true, alias.Note) : null;
    }

    private UnknownSymbolException Unknown(IEnumerable<string> symbols)
    {
        var unknown = symbols.Select(s => new UnknownSymbol(s, Suggest(s))).ToArray();
        return new UnknownSymbolException(unknown, _paths.Count);
    }

    // Symbols and aliases alike, but one name per target: "HDFCBANK or HDFC" would offer the same data twice.
    private string[] Suggest(string symbol)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        return [.. SymbolSuggester.Suggest(symbol, _paths.Keys.Concat(_aliases.Keys))
            .Where(name => targets.Add(TryResolve(name)!.Symbol))
            .Take(MaxSuggestions)];
    }
}
