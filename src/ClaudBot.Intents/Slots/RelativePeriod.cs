namespace ClaudBot.Intents.Slots;

/// <summary>
/// Periods counted back from today: <c>last 3 years</c>, <c>past 2 months</c>, <c>last 6 weeks</c>,
/// <c>last 30 days</c>, <c>last year</c> (one year). Each runs from today minus N units to today, so month and
/// year steps follow the calendar (2024-02-29 minus a year is 2023-02-28).
/// </summary>
internal static class RelativePeriod
{
    private const int MaxYears = 100;
    private const int MaxDigits = 6;

    /// <param name="digits">The count as digits, or empty.</param>
    /// <param name="words">The count as words (<c>three</c>), or empty; neither means one.</param>
    /// <param name="unit">The unit as typed: <c>years</c>, <c>yrs</c>, <c>m</c>, <c>weeks</c>, <c>d</c>...</param>
    public static bool TryParse(ReadOnlySpan<char> digits, ReadOnlySpan<char> words, ReadOnlySpan<char> unit, DateOnly today, out DateSpan span, out string? error)
    {
        span = default;
        error = null;
        char kind = char.ToLowerInvariant(unit[0]);
        string units = kind switch { 'y' => "years", 'm' => "months", 'w' => "weeks", _ => "days" };
        int count = 1;
        if (!digits.IsEmpty)
        {
            if (digits.Length > MaxDigits)
            {
                error = $"the last {digits} {units} is too long: at most {MaxYears} years";
                return false;
            }

            count = int.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (!words.IsEmpty && !NumberWords.TryParse(words, out count))
        {
            // "last few years": not a count we can read, so not a period.
            return false;
        }

        if (count == 0)
        {
            error = $"the last 0 {units} is empty: the count must be at least 1";
            return false;
        }

        if (today < PeriodEndpoint.Earliest || today > PeriodEndpoint.Latest)
        {
            error = $"today is out of range: {PeriodEndpoint.RangeReason}";
            return false;
        }

        // Bounded before stepping back so no count can walk DateOnly past its minimum.
        var limit = today.AddYears(-MaxYears);
        DateOnly? from = kind switch
        {
            'y' when count <= MaxYears => today.AddYears(-count),
            'm' when count <= MaxYears * 12 => today.AddMonths(-count),
            'w' when count <= MaxYears * 53 => today.AddDays(-7 * count),
            'd' when count <= MaxYears * 366 => today.AddDays(-count),
            _ => null,
        };
        if (from is not { } start || start < limit)
        {
            error = $"the last {count} {units} is too long: at most {MaxYears} years";
            return false;
        }

        if (start < PeriodEndpoint.Earliest)
        {
            error = $"the last {count} {units} is out of range: {PeriodEndpoint.RangeReason}";
            return false;
        }

        span = new DateSpan(start, today);
        return true;
    }
}
