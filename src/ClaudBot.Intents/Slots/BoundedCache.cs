using System.Collections.Concurrent;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// Remembers slot parses by their text, so a word tried in many readings of many phrases is resolved
/// once (resolving a non-symbol costs an exception and a suggestion search). Cleared when it grows past
/// its capacity, which keeps memory bounded whatever users type.
/// </summary>
internal sealed class BoundedCache<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);

    public TValue GetOrAdd(string key, Func<string, TValue> create)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(key, create);
    }
}
