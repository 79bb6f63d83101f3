namespace ClaudBot.Bot.FollowUps;

/// <summary>Symbols as a short line says them: <c>TCS,INFY</c>, or a whole universe by its name (<c>nifty50 (49 symbols)</c>).</summary>
internal static class SymbolText
{
    public static string Describe(IReadOnlyList<string> symbols, Intents.Catalog.CatalogAliases aliases)
    {
        foreach (var (name, members) in aliases.Universes)
        {
            if (symbols.Count > 1 && symbols.SequenceEqual(members, StringComparer.Ordinal))
            {
                return $"{name} ({symbols.Count} symbols)";
            }
        }

        return symbols.Count <= 6 ? string.Join(",", symbols) : $"{string.Join(",", symbols.Take(5))} +{symbols.Count - 5} more";
    }
}
