namespace ClaudBot.Bot.Notifications;

/// <summary>
/// At most one alert of each kind per chat per window: the first goes out, later ones in the window are held and counted,
/// and the next one let through says how many were held ("and 3 more"). Held alerts are counted, never sent on their own.
/// </summary>
public sealed class AlertLimiter(TimeSpan window, TimeProvider time)
{
    private readonly Dictionary<(string Chat, AlertKind Kind), (DateTimeOffset Sent, int Held)> _last = [];
    private readonly Lock _gate = new();

    /// <returns>The text to send now (with the held count added), or null when the alert is held.</returns>
    public string? Admit(string chat, AlertKind kind, string text)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_last.TryGetValue((chat, kind), out var last) && now - last.Sent < window)
            {
                _last[(chat, kind)] = (last.Sent, last.Held + 1);
                return null;
            }

            _last[(chat, kind)] = (now, 0);
            int held = last.Held;
            return held == 0 ? text : $"{text} (and {held} more like it since {last.Sent.UtcDateTime:HH:mm} UTC)";
        }
    }
}
