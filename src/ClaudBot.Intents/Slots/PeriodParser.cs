using System.Globalization;
using System.Text.RegularExpressions;
using ClaudBot.Engine.Text;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// The period slot. Reads what people type for a backtest's date range, all inclusive:
/// <list type="bullet">
/// <item>years: <c>2019</c>, <c>2020-2024</c>, <c>2020 to 2024</c>, <c>between 2015 and 2020</c></item>
/// <item>dates: <c>2020-01-01 to 2020-12-31</c>, <c>2020-01-01..2020-12-31</c>; mixed <c>2020-01-01 to 2024</c></item>
/// <item>months: <c>Jan 2020</c>, <c>january 2020 - june 2021</c></item>
/// <item>Indian fiscal years (April to March): <c>FY2023</c>, <c>FY23</c>, <c>FY2022-23</c>, <c>FY2020 to FY2022</c></item>
/// <item>relative to today: <c>ytd</c>, <c>year to date</c>, <c>last 3 years</c>, <c>past 2 months</c>, <c>last 30 days</c></item>
/// <item>open-ended: <c>since 2020</c>, <c>from Jan 2020</c>, <c>2020 to date</c> run to today</item>
/// </list>
/// "Today" is the <see cref="AsOfDay"/>: the data's last day when the data ends before today, and then the
/// period comes with a note saying so. Absolute periods (<c>2020-2024</c>) are never moved.
/// Case and extra spaces do not matter; a leading <c>from</c>, <c>between</c>, <c>for</c>, <c>in</c>,
/// <c>during</c>, <c>over</c> or <c>since</c> is allowed. Pure: today and the data's end are passed in, nothing is read.
/// </summary>
public static partial class PeriodParser
{
    // Longer than any period anyone types; keeps pasted paragraphs away from the patterns.
    private const int MaxLength = 80;

    private const string Prefix = "(?:(?<prefix>from|between|for|in|during|over|since) )?";
    private const string Month = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private const string Endpoint = "fy ?[0-9]{2}(?:[0-9]{2})?(?: ?- ?[0-9]{2}(?:[0-9]{2})?)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{4}|(?:" + Month + ") [0-9]{4}";
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Below this many days an anchored period gets a warning: annualising a few weeks (a January "ytd")
    // turns an ordinary month into a CAGR of over 100%.
    private const int ShortSpanDays = 92;

    /// <summary>
    /// Reads <paramref name="text"/> as a period, relative periods ending on <paramref name="today"/>.
    /// Returns false with a null <paramref name="error"/> when the text is not a period at all, and false with a
    /// user-facing reason when it is one but wrong (an impossible date, a range that runs backwards, a year
    /// outside 1900-2100, a count of 0 or more than 100 years).
    /// </summary>
    /// <param name="today">The day relative periods (<c>ytd</c>, <c>last 3 years</c>, <c>since 2020</c>) end on.</param>
    public static bool TryParse(string text, DateOnly today, out DateSpan period, out string? error) =>
        TryParse(text, new AsOfDay(today, null), out period, out string? _, out error);

    /// <summary>
    /// As <see cref="TryParse(string, DateOnly, out DateSpan, out string?)"/>, relative periods ending on
    /// <see cref="AsOfDay.Day"/>. When that is the data's end rather than today, <paramref name="note"/> says so:
    /// <c>The data ends on 2026-01-23, so 'last 3 years' runs 2023-01-23 to 2026-01-23.</c>
    /// </summary>
    public static bool TryParse(string text, AsOfDay asOf, out DateSpan period, out string? note, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        period = default;
        note = null;
        error = null;
        string squeezed = SlotText.Squeeze(text);
        if (squeezed.Length is 0 or > MaxLength)
        {
            return false;
        }

        if (!TryParseSqueezed(squeezed, asOf, out period, out bool endsAsOf, out error))
        {
            return false;
        }

        if (endsAsOf && asOf.IsDataEnd)
        {
            note = AnchoredNote(squeezed, period);
        }

        return true;
    }

    /// <summary>The period as the bot shows it: <c>2020-01-01 to 2024-12-31</c>.</summary>
    public static string Describe(DateSpan period) =>
        string.Create(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}");

    /// <param name="endsAsOf">True when the period ends on the as-of day rather than on a date the text names.</param>
    private static bool TryParseSqueezed(string squeezed, AsOfDay asOf, out DateSpan period, out bool endsAsOf, out string? error)
    {
        period = default;
        error = null;
        endsAsOf = false;
        var day = asOf.Day;
        if (YearToDate().IsMatch(squeezed))
        {
            endsAsOf = true;
            period = new DateSpan(new DateOnly(day.Year, 1, 1), day);
            return true;
        }

        if (Relative().Match(squeezed) is { Success: true } relative)
        {
            endsAsOf = true;
            return RelativePeriod.TryParse(relative.Groups["n"].ValueSpan, relative.Groups["w"].ValueSpan, relative.Groups["u"].ValueSpan, day, out period, out error);
        }

        return Range().Match(squeezed) is { Success: true } range && TryRange(range, asOf, out period, out endsAsOf, out error);
    }

    private static string AnchoredNote(string text, DateSpan period)
    {
        int days = period.To.DayNumber - period.From.DayNumber + 1;
        string note = string.Create(CultureInfo.InvariantCulture, $"The data ends on {period.To:yyyy-MM-dd}, so '{UserText.Excerpt(text)}' runs {Describe(period)}.");
        return days < ShortSpanDays
            ? string.Create(CultureInfo.InvariantCulture, $"{note} That is only {days} days, too short for annualised figures such as CAGR to mean much.")
            : note;
    }

    private static bool TryRange(Match range, AsOfDay asOf, out DateSpan period, out bool endsAsOf, out string? error)
    {
        period = default;
        error = null;
        endsAsOf = false;
        var today = asOf.Day;
        var prefix = range.Groups["prefix"].ValueSpan;
        var separator = range.Groups["sep"].ValueSpan;
        if (separator.Equals("and", StringComparison.OrdinalIgnoreCase) && !prefix.Equals("between", StringComparison.OrdinalIgnoreCase))
        {
            // "2015 and 2020" may be two separate years; only "between ... and ..." is a range.
            return false;
        }

        var startText = range.Groups["a"].ValueSpan;
        if (!PeriodEndpoint.TryParse(startText, today, out var start, out error))
        {
            return false;
        }

        var endText = range.Groups["b"].ValueSpan;
        DateSpan end = start;
        if (endText.IsEmpty && (prefix.Equals("from", StringComparison.OrdinalIgnoreCase) || prefix.Equals("since", StringComparison.OrdinalIgnoreCase)))
        {
            // "from 2020" alone means from then until now, not the year 2020.
            endText = "today";
            end = new DateSpan(today, today);
            endsAsOf = true;
        }
        else if (!endText.IsEmpty && !PeriodEndpoint.TryParse(endText, today, out end, out error))
        {
            return false;
        }
        else
        {
            endsAsOf = range.Groups["now"].Success;
        }

        if (end.To < start.From)
        {
            // "since 2027" with data ending in 2026 is not backwards as typed: the data stops before it starts.
            error = endsAsOf && asOf.IsDataEnd
                ? string.Create(CultureInfo.InvariantCulture, $"the data ends on {today:yyyy-MM-dd}, before {startText} begins")
                : $"the period {startText} to {endText} runs backwards";
            return false;
        }

        period = new DateSpan(start.From, end.To);
        return true;
    }

    [GeneratedRegex(@"\A" + Prefix + @"(?:ytd|this year|year[ -]to[ -]date)\z", Options)]
    private static partial Regex YearToDate();

    [GeneratedRegex(@"\A" + Prefix + @"(?:the )?(?:last|past|previous|trailing) (?:(?<n>[0-9]+) ?|(?<w>[a-z]+(?:[- ][a-z]+)?) )?(?<u>y|yrs?|years?|m|mos?|mths?|months?|w|wks?|weeks?|d|days?)\z", Options)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\A" + Prefix + "(?<a>" + Endpoint + @")(?: ?(?<sep>-|–|—|\.\.|to|till|until|through|thru|and) ?(?<b>" + Endpoint + @"|(?<now>today|now|present|date)))?\z", Options)]
    private static partial Regex Range();
}
