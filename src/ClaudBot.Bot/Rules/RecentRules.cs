using System.Collections.Concurrent;
using ClaudBot.Bot.Conversations;

namespace ClaudBot.Bot.Rules;

/// <summary>
/// The last written rule each person ran or checked in each chat, as canonical text (grids kept): what
/// <c>save it as NAME</c> saves. Per person, so in a group one trader's "save it" never saves another's rule. Kept in
/// memory only, and bounded: past <see cref="Capacity"/> people it starts afresh rather than grow.
/// </summary>
public sealed class RecentRules
{
    /// <summary>How many (chat, person) pairs are remembered before the memory is cleared.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(ChatKey Chat, string UserId), string> _rules = new();

    /// <summary>Remembers <paramref name="rule"/> as the last rule <paramref name="userId"/> used in <paramref name="chat"/>.</summary>
    public void Remember(ChatKey chat, string userId, string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (_rules.Count >= Capacity && !_rules.ContainsKey((chat, userId)))
        {
            _rules.Clear();
        }

        _rules[(chat, userId)] = rule;
    }

    /// <summary>The last rule <paramref name="userId"/> ran or checked in <paramref name="chat"/>, or null.</summary>
    public string? Last(ChatKey chat, string userId) => _rules.GetValueOrDefault((chat, userId));
}
