using System.Globalization;
using ClaudBot.Cluster.Notifications;

namespace ClaudBot.Cluster.Schedules;

/// <summary>
/// The one check of the chats a schedule tells (<see cref="Schedule.Notify"/>), for the API, the node CLI and the
/// chat alike: a channel names a Redis key, so it is a short lower-case word; a chat id is printable; top is 1 to 50.
/// </summary>
public static class ScheduleNotify
{
    /// <summary>The most result rows a notification may ask for: a chat message, not a report.</summary>
    public const int MaxTop = 50;

    /// <summary>Reads <c>channel:chat[:top]</c> (<c>telegram:12345:5</c>), as the node CLI's <c>--notify</c> takes it.</summary>
    /// <exception cref="ScheduleFieldException">Text that is not of that form, naming <c>notify</c>.</exception>
    public static JobFollower Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Trim().Split(':');
        int? top = null;
        if (parts.Length is < 2 or > 3 || (parts.Length == 3 && !TryTop(parts[2], out top)))
        {
            throw new ScheduleFieldException("notify", $"'{text}' is not a chat to tell: write channel:chat or channel:chat:top, e.g. telegram:12345:5.");
        }

        return new JobFollower(parts[0], parts[1], top);
    }

    private static bool TryTop(string text, out int? top)
    {
        bool ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n);
        top = ok ? n : null;
        return ok;
    }

    /// <summary>The same followers, trimmed; at most one per chat.</summary>
    /// <exception cref="ScheduleFieldException">A follower that does not read, naming <c>notify</c>.</exception>
    public static IReadOnlyList<JobFollower> Check(IReadOnlyList<JobFollower>? followers)
    {
        if (followers is null || followers.Count == 0)
        {
            return [];
        }

        if (followers.Count > 20)
        {
            throw new ScheduleFieldException("notify", "A schedule tells at most 20 chats.");
        }

        var checkedFollowers = new List<JobFollower>(followers.Count);
        foreach (var follower in followers)
        {
            string channel = (follower?.Channel ?? string.Empty).Trim();
            string chat = (follower?.Chat ?? string.Empty).Trim();
            if (channel.Length is 0 or > 20 || !channel.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            {
                throw new ScheduleFieldException("notify", "Each notify entry needs a channel: a short lower-case word such as 'telegram'.");
            }

            if (chat.Length is 0 or > 100 || chat.Any(char.IsControl))
            {
                throw new ScheduleFieldException("notify", "Each notify entry needs a chat: its id on the channel, 1 to 100 printable characters.");
            }

            if (follower!.Top is { } top && top is < 1 or > MaxTop)
            {
                throw new ScheduleFieldException("notify", string.Create(CultureInfo.InvariantCulture, $"top must be 1 to {MaxTop} (it was {top}); leave it out for the usual summary."));
            }

            if (checkedFollowers.Exists(f => f.Channel == channel && f.Chat == chat))
            {
                throw new ScheduleFieldException("notify", $"{channel}:{chat} is named twice in notify.");
            }

            checkedFollowers.Add(new JobFollower(channel, chat, follower.Top));
        }

        return checkedFollowers;
    }
}
