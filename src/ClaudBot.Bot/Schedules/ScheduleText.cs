using System.Globalization;
using ClaudBot.Bot.NodeApi;

namespace ClaudBot.Bot.Schedules;

/// <summary>How a schedule reads in chat: when it fires (in its own zone), what it runs, who hears of it.</summary>
internal static class ScheduleText
{
    /// <summary>"every weekday at 18:00 Asia/Kolkata".</summary>
    public static string When(NodeSchedule schedule) => $"every {Days(schedule.Every)} at {schedule.At} {schedule.TimeZone}";

    /// <summary>"Tue 8 Dec 2026 18:00 (Asia/Kolkata)": the next run in the schedule's zone, as its owner reads the clock there.</summary>
    public static string Next(NodeSchedule schedule) => Local(schedule.NextRun, schedule.TimeZone);

    public static string Local(DateTimeOffset instant, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({timeZone})";
    }

    /// <summary>Who is told of each run, or null when nobody is.</summary>
    public static string? Told(NodeSchedule schedule) => schedule.Notify.Count == 0
        ? null
        : string.Join(", ", schedule.Notify.Select(f => $"{f.Channel}:{f.Chat} ({(f.Top is { } top ? string.Create(CultureInfo.InvariantCulture, $"top {top}") : "summary")})"));

    /// <summary>What the last run did: its job, why it submitted nothing, or that it has not run yet.</summary>
    public static string Last(NodeSchedule schedule) => schedule switch
    {
        { LastError: { } error } => "failed: " + error,
        { LastJobId: { } job } => "job " + job,
        _ => "not run yet",
    };

    private static string Days(string every) => every switch
    {
        "daily" => "day",
        "weekdays" => "weekday",
        _ => every.Replace(",", ", ", StringComparison.Ordinal),
    };
}
