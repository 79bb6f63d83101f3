using System.Globalization;

namespace ClaudBot.Cluster.Schedules;

/// <summary>
/// When a schedule fires: on a set of weekdays at a wall-clock time in a time zone (by default the exchange's,
/// India Standard Time). Kept as the text the user gave (<see cref="Every"/>, <see cref="At"/>) so the stored
/// schedule reads back as it was written; <see cref="Parse"/> is the one place that text is checked.
/// </summary>
public sealed class ScheduleRecurrence
{
    /// <summary>The trader's exchange is in India: IST, with no daylight saving.</summary>
    public const string DefaultTimeZone = "Asia/Kolkata";

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly HashSet<DayOfWeek> _days;

    private ScheduleRecurrence(HashSet<DayOfWeek> days, TimeOnly at, TimeZoneInfo zone, string every)
    {
        (_days, At, Zone, Every) = (days, at, zone, every);
    }

    /// <summary>"daily", "weekdays", or days such as "mon,wed,fri", normalised to lower case.</summary>
    public string Every { get; }

    public TimeOnly At { get; }

    public TimeZoneInfo Zone { get; }

    public IReadOnlySet<DayOfWeek> Days => _days;

    /// <summary>Reads a recurrence; each error names the field (<c>every</c>, <c>at</c>, <c>time_zone</c>) it is about.</summary>
    /// <exception cref="ScheduleFieldException">A field that does not read.</exception>
    public static ScheduleRecurrence Parse(string? every, string? at, string? timeZone)
    {
        string everyText = (every ?? string.Empty).Trim().ToLowerInvariant();
        var days = everyText switch
        {
            "daily" or "every day" => [.. Enum.GetValues<DayOfWeek>()],
            "weekdays" or "weekday" => [.. Weekdays],
            _ => ParseDays(everyText),
        };
        if (!TimeOnly.TryParseExact((at ?? string.Empty).Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new ScheduleFieldException("at", $"'{at}' is not a time of day: write it as HH:MM on a 24-hour clock, e.g. 18:00.");
        }

        string zoneId = string.IsNullOrWhiteSpace(timeZone) ? DefaultTimeZone : timeZone.Trim();
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception unknown) when (unknown is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ScheduleFieldException("time_zone", $"'{zoneId}' is not a time zone this machine knows, e.g. Asia/Kolkata or Europe/London.");
        }

        return new ScheduleRecurrence(days, time, zone, everyText);
    }

    /// <summary>
    /// The first firing strictly after <paramref name="after"/>. Pure: the same instant always gives the same answer.
    /// A wall-clock time that a daylight-saving jump skips fires at the first valid minute after it.
    /// </summary>
    public DateTimeOffset NextOccurrence(DateTimeOffset after)
    {
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, Zone).DateTime);

        // Eight days reach the same weekday next week, the latest a set with one day can need.
        for (int offset = 0; offset <= 7; offset++)
        {
            var date = localDate.AddDays(offset);
            if (!_days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var local = date.ToDateTime(At, DateTimeKind.Unspecified);
            while (Zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(1);
            }

            var instant = new DateTimeOffset(local, Zone.GetUtcOffset(local));
            if (instant > after)
            {
                return instant;
            }
        }

        throw new InvalidOperationException("A recurrence with at least one day always fires within eight days.");
    }

    /// <summary>The firings in (<paramref name="after"/>, <paramref name="until"/>]: how many, and the latest (null if none).</summary>
    public (int Count, DateTimeOffset? Latest) Due(DateTimeOffset after, DateTimeOffset until)
    {
        (int count, DateTimeOffset? latest) = (0, null);
        for (var next = NextOccurrence(after); next <= until; next = NextOccurrence(next))
        {
            (count, latest) = (count + 1, next);
        }

        return (count, latest);
    }

    /// <summary>The time zone's id as stored, the one <see cref="TimeZoneInfo.FindSystemTimeZoneById"/> found.</summary>
    public string TimeZoneId => Zone.Id;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Every} at {At:HH:mm} {Zone.Id}");

    private static HashSet<DayOfWeek> ParseDays(string text)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (string part in text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var day = Enum.GetValues<DayOfWeek>().Where(d => part.Length >= 3 && d.ToString().StartsWith(part, StringComparison.OrdinalIgnoreCase)).ToList();
            if (day.Count != 1)
            {
                throw new ScheduleFieldException("every", $"'{part}' is not a day: write 'daily', 'weekdays', or days such as 'mon,wed,fri'.");
            }

            days.Add(day[0]);
        }

        if (days.Count == 0)
        {
            throw new ScheduleFieldException("every", "Say when it runs: 'daily', 'weekdays', or days such as 'mon,wed,fri'.");
        }

        return days;
    }
}
