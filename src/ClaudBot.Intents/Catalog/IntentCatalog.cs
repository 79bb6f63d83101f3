namespace ClaudBot.Intents.Catalog;

/// <summary>The whole catalogue as loaded from <c>intents/intent_patterns.yaml</c>.</summary>
public sealed class IntentCatalog(IReadOnlyList<IntentDefinition> intents, IReadOnlySet<string> fillers, CatalogAliases aliases)
{
    public IReadOnlyList<IntentDefinition> Intents { get; } = intents;

    /// <summary>Words ignored when matching ("please", "can", "you", "the", ...).</summary>
    public IReadOnlySet<string> Fillers { get; } = fillers;

    /// <summary>
    /// Words never taken as a strategy or a symbol at the edges of those slots ("the rsi <b>strategy</b>", "<b>using</b> rsi",
    /// "<b>symbols</b> TCS"): they say what the value is, and are dropped before it is read.
    /// </summary>
    public IReadOnlySet<string> SlotFillers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public CatalogAliases Aliases { get; } = aliases;

    public IntentDefinition? Find(string name) => Intents.FirstOrDefault(i => i.Name == name);
}
