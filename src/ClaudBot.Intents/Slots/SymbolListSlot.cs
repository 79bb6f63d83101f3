using ClaudBot.MarketData;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// The symbols slot: <c>RELIANCE,TCS</c>, <c>tcs and infy</c>, <c>TCS, INFY</c>, company names from the
/// catalogue (<c>tata consultancy services</c>, <c>hdfc bank</c>), named universes (<c>nifty50</c>).
/// Every symbol is checked against the data's universe; anything else (including shell syntax) is rejected
/// with the data's own message and suggestions.
/// </summary>
public static class SymbolListSlot
{
    private const int LongestAlias = 4;

    public static bool TryParse(
        string text,
        IReadOnlyDictionary<string, string> aliases,
        IReadOnlyDictionary<string, IReadOnlyList<string>> universes,
        IMarketData marketData,
        out IReadOnlyList<string> symbols,
        out IReadOnlyList<string> notes,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(marketData);
        var words = text.ToLowerInvariant()
            .Replace(",", " , ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("," or "and" or "&"))
            .ToArray();
        var requested = new List<string>();
        for (int i = 0; i < words.Length;)
        {
            int taken = MatchAlias(words, i, aliases, universes, requested);
            if (taken == 0)
            {
                requested.Add(words[i]);
                taken = 1;
            }

            i += taken;
        }

        try
        {
            var resolved = marketData.ResolveAll(requested);
            symbols = [.. resolved.Select(r => r.Symbol)];
            notes = [.. resolved.Where(r => r.Note is not null).Select(r => r.Note!)];
            error = null;
            return symbols.Count > 0;
        }
        catch (MarketDataException failure)
        {
            symbols = [];
            notes = [];
            error = failure.Message;
            return false;
        }
    }

    // The longest run of words starting at i that names a company or a universe.
    private static int MatchAlias(string[] words, int i, IReadOnlyDictionary<string, string> aliases, IReadOnlyDictionary<string, IReadOnlyList<string>> universes, List<string> into)
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
