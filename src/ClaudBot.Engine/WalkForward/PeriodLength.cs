using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaudBot.Engine.WalkForward;

/// <summary>
/// A calendar length as a trader says it ("2 years", "6 months", "90 days"): months and days, added to a date months
/// first (a day past a month's end clamps to its last day) and then days. Years are 12 months and weeks 7 days, so
/// lengths of the same kind add exactly and windows built from them tile (see docs/walk-forward.md).
/// </summary>
public readonly partial record struct PeriodLength(int Months, int Days)
{
    /// <summary>The longest length a window may have: 50 years.</summary>
    public const int MaxMonths = 600;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPositive => Months > 0 || Days > 0;

    public DateOnly AddTo(DateOnly date) => date.AddMonths(Months).AddDays(Days);

    public static PeriodLength operator +(PeriodLength a, PeriodLength b) => new(a.Months + b.Months, a.Days + b.Days);

    public static PeriodLength operator *(int times, PeriodLength length) => new(times * length.Months, times * length.Days);

    /// <summary>Reads "2 years", "2y", "18 months", "6m", "13 weeks", "90 days", "90d" (one number and one unit).</summary>
    /// <exception cref="FormatException">Anything else, with a one-line reason.</exception>
    public static PeriodLength Parse(string text) =>
        TryParse(text, out var length, out string? error) ? length : throw new FormatException(error);

    /// <summary>As <see cref="Parse"/>, without an exception: the chat's matcher tries many spans of a phrase.</summary>
    public static bool TryParse(string text, out PeriodLength length, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        length = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n <= 0)
        {
            error = $"'{text}' is not a length: write a whole number and a unit, e.g. '2 years', '6 months', '13 weeks' or '90 days'.";
            return false;
        }

        char unit = char.ToLowerInvariant(match.Groups["unit"].Value[0]);
        long months = unit == 'y' ? 12L * n : unit == 'm' ? n : 0;
        long days = unit == 'w' ? 7L * n : unit == 'd' ? n : 0;
        if (months > MaxMonths || days > MaxMonths * 31L)
        {
            error = $"'{text}' is longer than the 50 years a window may span.";
            return false;
        }

        (length, error) = (new PeriodLength((int)months, (int)days), null);
        return true;
    }

    /// <summary>As a trader writes it: "2 years", "6 months", "90 days", or "1 year 15 days".</summary>
    public override string ToString()
    {
        var parts = new List<string>(2);
        if (Months > 0)
        {
            parts.Add(Months % 12 == 0 ? Count(Months / 12, "year") : Count(Months, "month"));
        }

        if (Days > 0)
        {
            parts.Add(Days % 7 == 0 ? Count(Days / 7, "week") : Count(Days, "day"));
        }

        return parts.Count == 0 ? "0 days" : string.Join(' ', parts);
    }

    private static string Count(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? string.Empty : "s")}");

    [GeneratedRegex(@"^(?<n>\d{1,6})\s*(?<unit>y|yr|yrs|years?|m|mo|mos|months?|w|wk|wks|weeks?|d|days?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
