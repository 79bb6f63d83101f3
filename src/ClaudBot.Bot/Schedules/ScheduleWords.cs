using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using ClaudBot.Engine.WalkForward;

namespace ClaudBot.Bot.Schedules;

/// <summary>
/// How chat says a schedule, turned into what the node's <c>/api/schedules</c> takes: "day", "weekday" or "mon, wed and
/// fri" as <c>daily</c>, <c>weekdays</c>, <c>mon,wed,fri</c>; "the last year" as the length <c>last 1 year</c>; and whether
/// the chat asked to be told of each run. What the words mean is checked once, by <see cref="Cluster.Schedules.ScheduleRecurrence"/>.
/// </summary>
internal static partial class ScheduleWords
{
    /// <summary>The days as the recurrence reads them; a word that is no day is left for it to name.</summary>
    public static string Every(string said)
    {
        string text = Separators().Replace(said.Trim().ToLowerInvariant(), ",");
        var days = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(day => day switch
            {
                "day" or "days" or "daily" => "daily",
                "weekday" or "weekdays" or "working day" or "working days" or "business day" or "business days" => "weekdays",
                _ when day.Length > 4 && day.EndsWith("days", StringComparison.Ordinal) => day[..^1], // "mondays"
                _ => day,
            })
            .ToList();
        return string.Join(',', days);
    }

    /// <summary>A period counted back from each run ("last year", "last 6 months"), as <c>last 1 year</c>.</summary>
    /// <param name="error">Why <paramref name="said"/> is no length (fixed dates such as 2020-2024 are not).</param>
    public static bool TryPeriod(string said, [NotNullWhen(true)] out string? period, [NotNullWhen(false)] out string? error)
    {
        string text = said.Trim().ToLowerInvariant();
        foreach (string lead in (string[])["for ", "over ", "the ", "last ", "past "])
        {
            text = text.StartsWith(lead, StringComparison.Ordinal) ? text[lead.Length..].TrimStart() : text;
        }

        if (text is "year" or "month" or "week" or "day")
        {
            text = "1 " + text;
        }

        if (PeriodLength.TryParse(text, out var length, out _))
        {
            (period, error) = ("last " + length, null);
            return true;
        }

        (period, error) = (null, $"A schedule looks back a length from each run (e.g. 'for the last year', 'last 6 months'), not '{said.Trim()}'.");
        return false;
    }

    /// <summary>
    /// Whether the phrase asks to be told of each run ("and tell me", "send me the top 5", "let me know"). Read from what
    /// was typed: "tell" and "me" are fillers the matcher drops, so the catalogue cannot see "and tell me".
    /// </summary>
    public static bool AsksToBeTold(string typed) => ToldPhrase().IsMatch(typed);

    [GeneratedRegex(@"\s*(?:,|&|\band\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"\b(?:tell|send|message|ping|text|let)\s+(?:me|us)\b|\bnotify\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToldPhrase();
}
