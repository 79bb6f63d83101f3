using ClaudBot.Intents.Patterns;

namespace ClaudBot.Intents.Catalog;

/// <summary>An intent of the catalogue: what it does, how people say it, its slots, and its safety rules.</summary>
public sealed class IntentDefinition
{
    internal IntentDefinition(
        string name, string description, IntentRole role, bool confirm, IReadOnlyList<SlotDefinition> slots, IReadOnlyList<string> patterns, IReadOnlyList<string> examples, IReadOnlyList<IReadOnlyList<PatternNode>> compiled)
    {
        Name = name;
        Description = description;
        Role = role;
        Confirm = confirm;
        Slots = slots;
        Patterns = patterns;
        Examples = examples;
        Compiled = compiled;
    }

    public string Name { get; }

    public string Description { get; }

    public IntentRole Role { get; }

    /// <summary>The bot asks "are you sure?" before acting.</summary>
    public bool Confirm { get; }

    public IReadOnlyList<SlotDefinition> Slots { get; }

    public IReadOnlyList<string> Patterns { get; }

    public IReadOnlyList<string> Examples { get; }

    internal IReadOnlyList<IReadOnlyList<PatternNode>> Compiled { get; }

    public SlotDefinition? Slot(string name)
    {
        // A loop rather than a query: the matcher asks for every slot of every way it reads a phrase.
        for (int i = 0; i < Slots.Count; i++)
        {
            if (Slots[i].Name == name)
            {
                return Slots[i];
            }
        }

        return null;
    }
}
