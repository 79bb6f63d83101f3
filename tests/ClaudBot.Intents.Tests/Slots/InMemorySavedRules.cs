using ClaudBot.Engine.Strategies;

namespace ClaudBot.Intents.Tests.Slots;

/// <summary>Saved rules in a dictionary, counting lookups: the slot's view of a store that can change under it.</summary>
internal sealed class InMemorySavedRules : ISavedRules
{
    private readonly Dictionary<string, string> _rules = new(StringComparer.OrdinalIgnoreCase);

    public int Lookups { get; private set; }

    public IReadOnlyCollection<string> Names => [.. _rules.Keys.Order(StringComparer.Ordinal)];

    public string? Find(string name)
    {
        Lookups++;
        return _rules.GetValueOrDefault(name.Trim());
    }

    public void Save(string name, string rule) => _rules[name] = rule;

    public void Remove(string name) => _rules.Remove(name);
}
