using ClaudBot.MarketData;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// The symbols slot: <c>RELIANCE,TCS</c>, <c>tcs and infy</c>, <c>TCS, INFY</c>, company names from the
/// catalogue (<c>tata consultancy services</c>, <c>hdfc bank</c>), named universes (<c>nifty50</c>).
/// Every symbol is checked against the data's universe; anything else (shell syntax included) is
/// rejected with the data's own message and suggestions. Each word's resolution is remembered.
/// </summary>
public sealed class SymbolListSlot(IReadOnlyDictionary<string, string> aliases, IReadOnlyDictionary<string, IReadOnlyList<string>> universes, IMarketData marketData)
{
    private const int LongestAlias = 4;
    private readonly BoundedCache<string, (string? Symbol, string? Note, string? Error)> _words = new(10_000);

    /// <summary>Forgets each word's resolution: the data's symbols changed (the user imported or updated data).</summary>
    public void Forget() => _words.Clear();

    public bool TryParse(string text, out IReadOnlyList<string> symbols, out IReadOnlyList<string> notes, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.ToLowerInvariant()
            .Replace(",", " , ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = new List<string>();
        var foundNotes = new List<string>();
        for (int i = 0; i < words.Length;)
        {
            // "and" may belong to a name ("larsen and toubro"), so names are tried before it counts as a separator.
            int taken = MatchAlias(words, i, found);
            if (taken == 0 && words[i] is "," or "and" or "&")
            {
                taken = 1;
            }
            else if (taken == 0)
            {
                var (symbol, note, problem) = _words.GetOrAdd(words[i], Resolve);
                if (problem is not null)
                {
                    (symbols, notes, error) = ([], [], problem);
                    return false;
                }

                found.Add(symbol!);
                if (note is not null)
                {
                    foundNotes.Add(note);
                }

                taken = 1;
            }

            i += taken;
        }

        symbols = [.. found.Distinct(StringComparer.Ordinal)];
        notes = [.. foundNotes.Distinct(StringComparer.Ordinal)];
        error = symbols.Count == 0 ? "No symbol given." : null;
        return error is null;
    }

    private (string?, string?, string?) Resolve(string word)
    {
        try
        {
            var resolution = marketData.Resolve(word);
            return (resolution.Symbol, resolution.Note, null);
        }
        catch (MarketDataException failure)
        {
            // A mistyped company name ("infosis") is read as the name it is one slip from.
            return Corrections.Closest(word, aliases.Keys) is { } name ? (aliases[name], Corrections.ReadAs(word, name), null) : (null, null, failure.Message);
        }
    }

    // The longest run of words starting at i that names a company or a universe.
    private int MatchAlias(string[] words, int i, List<string> into)
    {
        for (int length = Math.Min(LongestAlias, words.Length - i); length >= 1; length--)
        {
            string phrase = string.Join(' ', words, i, length);
            if (aliases.TryGetValue(phrase, out string? symbol))
            {
                into.Add(symbol);
                return length;
            }

            if (universes.TryGetValue(phrase.Replace(" ", string.Empty, StringComparison.Ordinal), out var members))
            {
                into.AddRange(members);
                return length;
            }
        }

        return 0;
    }
}
