using ClaudBot.Intents.Catalog;

namespace ClaudBot.Intents.Matching;

/// <summary>
/// Numbers the catalogue's slots by what their reading of a text depends on: type and name, and for a number its
/// bounds and for an enum its values. Slots of one kind read the same words the same way in any intent, so the
/// matcher parses a span once per kind, not once per intent.
/// </summary>
internal sealed class SlotKinds
{
    private readonly Dictionary<SlotDefinition, int> _kinds = new(ReferenceEqualityComparer.Instance);

    public SlotKinds(IntentCatalog catalog)
    {
        var numbered = new Dictionary<(SlotType Type, string Name, SlotDefinition? Bounds), int>();
        foreach (var slot in catalog.Intents.SelectMany(i => i.Slots))
        {
            var bounds = slot.Type is SlotType.WholeNumber or SlotType.WholeNumbers or SlotType.Enum ? slot : null;
            if (!numbered.TryGetValue((slot.Type, slot.Name, bounds), out int kind))
            {
                kind = numbered.Count;
                numbered[(slot.Type, slot.Name, bounds)] = kind;
            }

            _kinds[slot] = kind;
        }
    }

    public int Of(SlotDefinition slot) => _kinds[slot];
}
