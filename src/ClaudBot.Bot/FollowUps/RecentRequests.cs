using System.Collections.Concurrent;
using ClaudBot.Bot.Conversations;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.FollowUps;

/// <summary>
/// The last backtest each chat queued, for follow-ups. Per chat, not per person: in a group "what about INFY" after
/// anyone's backtest means that backtest (who may run it is still checked for the one asking). Kept in memory only (a
/// restart forgets it), for <see cref="BotOptions.FollowUpWindow"/> on the injected clock, and bounded: past
/// <see cref="Capacity"/> chats the expired ones are dropped, and if none is, the memory starts afresh rather than grow.
/// </summary>
public sealed class RecentRequests(TimeProvider time, IOptions<BotOptions> options)
{
    /// <summary>How many chats are remembered at most.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<ChatKey, (LastRequest Request, DateTimeOffset At)> _requests = new();

    /// <summary>How long a request is remembered.</summary>
    public TimeSpan Window => options.Value.FollowUpWindow;

    /// <summary>Remembers a job <paramref name="chat"/> just queued, stamped now.</summary>
    public void Remember(ChatKey chat, LastRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        if (_requests.Count >= Capacity && !_requests.ContainsKey(chat))
        {
            foreach (var (key, old) in _requests)
            {
                if (now - old.At >= Window)
                {
                    _requests.TryRemove(new KeyValuePair<ChatKey, (LastRequest, DateTimeOffset)>(key, old));
                }
            }

            if (_requests.Count >= Capacity)
            {
                _requests.Clear();
            }
        }

        _requests[chat] = (request, now);
    }

    /// <summary>The chat's last request within the window, or null; <paramref name="expired"/> says one was forgotten for its age.</summary>
    public LastRequest? Last(ChatKey chat, out bool expired)
    {
        expired = false;
        if (!_requests.TryGetValue(chat, out var remembered))
        {
            return null;
        }

        if (time.GetUtcNow() - remembered.At >= Window)
        {
            _requests.TryRemove(new KeyValuePair<ChatKey, (LastRequest, DateTimeOffset)>(chat, remembered));
            expired = true;
            return null;
        }

        return remembered.Request;
    }
}
