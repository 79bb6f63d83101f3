namespace ClaudBot.Intents.Catalog;

/// <summary>The whole catalogue as loaded from <c>intents/intent_patterns.yaml</c>.</summary>
public sealed class IntentCatalog(IReadOnlyList<IntentDefinition> intents, IReadOnlySet<string> fillers, CatalogAliases aliases)
{
    public IReadOnlyList<IntentDefinition> Intents { get; } = intents;

    /// <summary>Words ignored when matching ("please", "can", "you", "the", ...).</summary>
    public IReadOnlySet<string> Fillers { get; } = fillers;

    public CatalogAliases Aliases { get; } = aliases;

    public IntentDefinition? Find(string name) => Intents.FirstOrDefault(i => i.Name == name);
}
