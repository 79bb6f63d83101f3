using System.Globalization;
using System.Text.RegularExpressions;

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
/// Case and extra spaces do not matter; a leading <c>from</c>, <c>between</c>, <c>for</c>, <c>in</c>,
/// <c>during</c>, <c>over</c> or <c>since</c> is allowed. Pure: today is passed in, nothing is read.
/// </summary>
public static partial class PeriodParser
{
    // Longer than any period anyone types; keeps pasted paragraphs away from the patterns.
    private const int MaxLength = 80;

    private const string Prefix = "(?:(?<prefix>from|between|for|in|during|over|since) )?";
    private const string Month = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private const string Endpoint = "fy ?[0-9]{2}(?:[0-9]{2})?(?: ?- ?[0-9]{2}(?:[0-9]{2})?)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{4}|(?:" + Month + ") [0-9]{4}";
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>
    /// Reads <paramref name="text"/> as a period. Returns false with a null <paramref name="error"/> when the
    /// text is not a period at all, and false with a user-facing reason when it is one but wrong (an impossible
    /// date, a range that runs backwards, a year outside 1900-2100, a count of 0 or more than 100 years).
    /// </summary>
    /// <param name="today">The day relative periods (<c>ytd</c>, <c>last 3 years</c>, <c>since 2020</c>) end on.</param>
    public static bool TryParse(string text, DateOnly today, out DateSpan period, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        period = default;
        error = null;
        string squeezed = SlotText.Squeeze(text);
        if (squeezed.Length is 0 or > MaxLength)
        {
            return false;
        }

        if (YearToDate().IsMatch(squeezed))
        {
            period = new DateSpan(new DateOnly(today.Year, 1, 1), today);
            return true;
        }

        if (Relative().Match(squeezed) is { Success: true } relative)
        {
            return RelativePeriod.TryParse(relative.Groups["n"].ValueSpan, relative.Groups["w"].ValueSpan, relative.Groups["u"].ValueSpan, today, out period, out error);
        }

        return Range().Match(squeezed) is { Success: true } range && TryRange(range, today, out period, out error);
    }

    /// <summary>The period as the bot shows it: <c>2020-01-01 to 2024-12-31</c>.</summary>
    public static string Describe(DateSpan period) =>
        string.Create(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}");

    private static bool TryRange(Match range, DateOnly today, out DateSpan period, out string? error)
    {
        period = default;
        error = null;
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
        }
        else if (!endText.IsEmpty && !PeriodEndpoint.TryParse(endText, today, out end, out error))
        {
            return false;
        }

        if (end.To < start.From)
        {
            error = $"the period {startText} to {endText} runs backwards";
            return false;
        }

        period = new DateSpan(start.From, end.To);
        return true;
    }

    [GeneratedRegex(@"\A" + Prefix + @"(?:ytd|this year|year[ -]to[ -]date)\z", Options)]
    private static partial Regex YearToDate();

    [GeneratedRegex(@"\A" + Prefix + @"(?:the )?(?:last|past|previous|trailing) (?:(?<n>[0-9]+) ?|(?<w>[a-z]+(?:[- ][a-z]+)?) )?(?<u>y|yrs?|years?|m|mos?|mths?|months?|w|wks?|weeks?|d|days?)\z", Options)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\A" + Prefix + "(?<a>" + Endpoint + @")(?: ?(?<sep>-|–|—|\.\.|to|till|until|through|thru|and) ?(?<b>" + Endpoint + @"|today|now|present|date))?\z", Options)]
    private static partial Regex Range();
}
