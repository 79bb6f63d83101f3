using System.ComponentModel.DataAnnotations;

namespace ClaudBot.Bot.Notifications;

/// <summary>How a channel keeps its chats told (section <c>Notifications</c>): follows, subscriptions, alerts.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the queue server is read for follows to resume, ended jobs and alerts. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Notifications:PollInterval must be between 0.1 seconds and 10 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Jobs that ended at most this long ago are announced to subscribed chats not yet told of them, so a bot that was down
    /// a while catches up; older ends are not announced. Default 1 hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Notifications:Lookback must be between 1 minute and 7 days.")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Newest jobs read per poll for ends to announce. Default 50.</summary>
    [Range(1, 1000, ErrorMessage = "Notifications:RecentJobs must be between 1 and 1000.")]
    public int RecentJobs { get; set; } = 50;

    /// <summary>
    /// At most one alert of each kind per chat in this window; later ones are counted into the next ("and 3 more").
    /// Default 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Notifications:AlertWindow must be between 0 and 1 day.")]
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromMinutes(10);
}
