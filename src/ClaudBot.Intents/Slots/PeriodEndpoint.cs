using ClaudBot.Engine.Text;

namespace ClaudBot.Intents.Slots;

/// <summary>
/// One end of a period as the user wrote it (<c>2020</c>, <c>2020-01-31</c>, <c>Jan 2020</c>, <c>FY2023</c>,
/// <c>FY2022-23</c>, <c>today</c>), read as the whole span it names. A range takes the first day of its start
/// and the last day of its end, which is what makes <c>2020-01-01 to 2024</c> end on 2024-12-31.
/// The text has already been shaped by <see cref="PeriodParser"/>'s pattern; this checks the values.
/// </summary>
internal static class PeriodEndpoint
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);
    public const string RangeReason = "periods must lie between 1900-01-01 and 2100-12-31";

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(ReadOnlySpan<char> text, DateOnly today, out DateSpan span, out string? error)
    {
        span = default;
        error = null;
        if (text.StartsWith("fy", StringComparison.OrdinalIgnoreCase))
        {
            return TryFiscalYear(text, out span, out error);
        }

        // "today", "now", "present", "date" (as in "2020 to date"); month names always come with a year.
        if (char.IsAsciiLetter(text[0]) && !text.Contains(' '))
        {
            span = new DateSpan(today, today);
            return true;
        }

        if (char.IsAsciiLetter(text[0]))
        {
            int monthYear = Digits(text[(text.IndexOf(' ') + 1)..]);
            if (!InRange(monthYear, text, out error))
            {
                return false;
            }

            var first = new DateOnly(monthYear, Month(text[..3]), 1);
            span = new DateSpan(first, first.AddMonths(1).AddDays(-1));
            return true;
        }

        int year = Digits(text[..4]);
        if (!InRange(year, text, out error))
        {
            return false;
        }

        if (text.Length == 4)
        {
            span = new DateSpan(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            return true;
        }

        var rest = text[5..];
        int dash = rest.IndexOf('-');
        int m = Digits(rest[..dash]);
        int d = Digits(rest[(dash + 1)..]);
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, m))
        {
            error = $"{UserText.Excerpt(text)} is not a date";
            return false;
        }

        span = new DateSpan(new DateOnly(year, m, d), new DateOnly(year, m, d));
        return true;
    }

    // FY2023 (Indian fiscal year) runs 2022-04-01 to 2023-03-31; FY23, FY2022-23 and FY2022-2023 are the same year.
    private static bool TryFiscalYear(ReadOnlySpan<char> text, out DateSpan span, out string? error)
    {
        span = default;
        var body = text[2..].TrimStart(' ');
        int length = body.IndexOfAnyExceptInRange('0', '9');
        var first = length < 0 ? body : body[..length];
        int year = Century(first);
        if (length >= 0)
        {
            var second = body[length..].TrimStart(" -");
            int next = second.Length == 2 ? (year + 1) % 100 : year + 1;
            if (Digits(second) != next)
            {
                error = $"{UserText.Excerpt(text)} is not a fiscal year: the second year must follow the first (FY{first}-{next % 100:00})";
                return false;
            }

            year++;
        }

        // The label year may be in range while its April start is not (FY1900 starts in 1899).
        if (year is <= 1900 or > 2100)
        {
            error = $"{UserText.Excerpt(text)} is out of range: {RangeReason}";
            return false;
        }

        error = null;
        span = new DateSpan(new DateOnly(year - 1, 4, 1), new DateOnly(year, 3, 31));
        return true;
    }

    private static bool InRange(int year, ReadOnlySpan<char> text, out string? error)
    {
        error = year is < 1900 or > 2100 ? $"{UserText.Excerpt(text)} is out of range: {RangeReason}" : null;
        return error is null;
    }

    private static int Month(ReadOnlySpan<char> abbreviation)
    {
        for (int i = 0; i < Months.Length; i++)
        {
            if (abbreviation.Equals(Months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        throw new ArgumentException("Not a month; the pattern should have rejected it.", nameof(abbreviation));
    }

    // Two-digit years are this century's: FY23 is FY2023.
    private static int Century(ReadOnlySpan<char> digits) => digits.Length == 2 ? 2000 + Digits(digits) : Digits(digits);

    // The pattern has already checked these are 1-4 ASCII digits.
    private static int Digits(ReadOnlySpan<char> digits)
    {
        int value = 0;
        foreach (char c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
