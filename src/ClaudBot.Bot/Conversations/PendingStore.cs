using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ClaudBot.Bot.Conversations;

/// <summary>
/// Each chat's one open question or prompt, with its expiry on the injected clock. A new prompt replaces
/// the old one; an expired one is never returned.
/// </summary>
internal sealed class PendingStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<ChatKey, Pending> _pending = new();

    public void Set(ChatKey chat, Pending pending) => _pending[chat] = pending;

    /// <summary>The chat's open item if it has not expired; an expired one is dropped and reported as <paramref name="expired"/>.</summary>
    public Pending? Peek(ChatKey chat, out Pending? expired)
    {
        expired = null;
        if (!_pending.TryGetValue(chat, out var pending))
        {
            return null;
        }

        if (pending.Expires <= time.GetUtcNow())
        {
            _pending.TryRemove(new KeyValuePair<ChatKey, Pending>(chat, pending));
            expired = pending;
            return null;
        }

        return pending;
    }

    /// <summary>Removes exactly <paramref name="pending"/> (not a newer item); false if it was already taken.</summary>
    public bool TryTake(ChatKey chat, Pending pending) => _pending.TryRemove(new KeyValuePair<ChatKey, Pending>(chat, pending));

    /// <summary>A random token for buttons: 10 characters, unguessable, safe in Telegram's 64-byte callback data.</summary>
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
}
