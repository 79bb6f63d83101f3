using System.Collections.Concurrent;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// Remembers slot parses by their text, so a word tried in many readings of many phrases is resolved
/// once (resolving a non-symbol costs an exception and a suggestion search). Cleared when it grows past
/// its capacity, which keeps memory bounded whatever users type.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();

    /// <summary>The value remembered for <paramref name="key"/>, else <paramref name="create"/>'s, given <paramref name="argument"/> (no closure per call).</summary>
    public TValue GetOrAdd<TArgument>(TKey key, Func<TKey, TArgument, TValue> create, TArgument argument)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(key, create, argument);
    }

    /// <summary>The value remembered for <paramref name="key"/>, if any.</summary>
    public TValue? TryGet(TKey key) => _entries.TryGetValue(key, out var value) ? value : default;

    /// <summary>Forgets everything (what it remembered no longer holds).</summary>
    public void Clear() => _entries.Clear();

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create) => GetOrAdd(key, static (k, make) => make(k), create);
}
