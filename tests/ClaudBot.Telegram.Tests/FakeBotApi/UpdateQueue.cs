using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ClaudBot.Telegram.Tests.FakeBotApi;

/// <summary>
/// Pending updates and getUpdates' rules: an offset confirms every earlier update, a negative offset keeps only the
/// last ones, allowed_updates filters (and is remembered when omitted), a long poll waits for the next update, and a
/// second poll ends the first with 409 Conflict as Telegram does.
/// </summary>
internal sealed class UpdateQueue(long firstUpdateId, ChangeSignal pollStarted)
{
    // Telegram delivers these only to bots that ask for them by name.
    private static readonly string[] OptInTypes = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly Lock _lock = new();
    private readonly List<PendingUpdate> _pending = [];
    private readonly ChangeSignal _changed = new();
    private long _nextId = firstUpdateId;
    private HashSet<string>? _allowed;
    private TaskCompletionSource? _activePoll;
    private bool _closed;

    /// <summary>True while a getUpdates is held waiting for updates.</summary>
    public bool IsPolling
    {
        get
        {
            lock (_lock)
                return _activePoll is not null;
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
                return _pending.Count;
        }
    }

    public long Enqueue(JsonObject update)
    {
        long id;
        lock (_lock)
        {
            id = _nextId++;
            var stored = new JsonObject { ["update_id"] = id };
            foreach (var (name, value) in update)
            {
                if (name != "update_id")
                    stored[name] = value?.DeepClone();
            }
            string type = stored.Select(p => p.Key).FirstOrDefault(k => k != "update_id") ?? "unknown";
            _pending.Add(new PendingUpdate(id, type, stored));
        }
        _changed.Pulse();
        return id;
    }

    public void Clear()
    {
        lock (_lock)
            _pending.Clear();
    }

    public async Task<JsonArray> PollAsync(long offset, int limit, TimeSpan hold, IReadOnlyList<string>? allowedUpdates, CancellationToken aborted)
    {
        var poll = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource? superseded;
        lock (_lock)
        {
            if (allowedUpdates is not null)
                _allowed = allowedUpdates.Count == 0 ? null : new HashSet<string>(allowedUpdates, StringComparer.Ordinal);
            Confirm(offset);
            superseded = _activePoll;
            _activePoll = poll;
        }
        superseded?.TrySetResult();
        pollStarted.Pulse();

        try
        {
            long started = Stopwatch.GetTimestamp();
            while (true)
            {
                var next = _changed.NextChange;
                var batch = Take(limit, out bool closed);
                var remaining = hold - Stopwatch.GetElapsedTime(started);
                if (batch.Count > 0 || closed || remaining <= TimeSpan.Zero)
                    return batch;
                try
                {
                    await Task.WhenAny(next, poll.Task).WaitAsync(remaining, aborted);
                }
                catch (TimeoutException)
                {
                    return Take(limit, out _);
                }
                if (poll.Task.IsCompleted)
                    throw new BotApiException(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
            }
        }
        finally
        {
            lock (_lock)
            {
                if (_activePoll == poll)
                    _activePoll = null;
            }
        }
    }

    /// <summary>Ends every waiting poll with what is there, so the server can stop without waiting for them.</summary>
    public void Close()
    {
        lock (_lock)
            _closed = true;
        _changed.Pulse();
    }

    private void Confirm(long offset)
    {
        if (offset > 0)
            _pending.RemoveAll(u => u.Id < offset);
        else if (offset < 0 && _pending.Count > -offset)
            _pending.RemoveRange(0, _pending.Count - (int)Math.Min(-offset, int.MaxValue));
    }

    private JsonArray Take(int limit, out bool closed)
    {
        var batch = new JsonArray();
        lock (_lock)
        {
            closed = _closed;
            // Updates the bot did not ask for are passed over for good, as Telegram never delivers them.
            _pending.RemoveAll(u => !IsAllowed(u.Type));
            foreach (var update in _pending.Take(limit))
                batch.Add(update.Json.DeepClone());
        }
        return batch;
    }

    private bool IsAllowed(string type) =>
        _allowed is null ? !OptInTypes.Contains(type) : _allowed.Contains(type);
}
