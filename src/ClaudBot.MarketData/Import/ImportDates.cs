namespace ClaudBot.MarketData.Import;

/// <summary>
/// Reads the date formats of the common exports: <c>YYYY-MM-DD</c>, <c>DD-MM-YYYY</c>, <c>DD/MM/YYYY</c> (or month first,
/// settled by <see cref="DayMonthOrder"/>), <c>DD-Mon-YYYY</c> in any case, each optionally followed by a time after a
/// space or a <c>T</c> (<c>2024-01-02 09:15:00+05:30</c>, <c>2024-01-02T00:00:00</c>), which is ignored.
/// </summary>
internal static class ImportDates
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    public const string Expected = "YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or DD-Mon-YYYY";

    public static bool TryParse(ReadOnlySpan<char> field, out RawDate date)
    {
        date = default;
        var token = DatePart(field);
        char separator = token.IndexOfAny('-', '/') is int at and >= 0 ? token[at] : '\0';
        if (separator == '\0')
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[4];
        if (token.Split(parts, separator) != 3)
        {
            return false;
        }

        var a = token[parts[0]];
        var b = token[parts[1]];
        var c = token[parts[2]];
        if (a.Length == 4)
        {
            return TryExact(Number(a), Number(b), Number(c), b.Length <= 2 && c.Length <= 2, out date);
        }

        if (c.Length != 4 || a.Length > 2)
        {
            return false;
        }

        int month = MonthOf(b);
        if (month > 0)
        {
            return TryExact(Number(c), month, Number(a), true, out date);
        }

        int first = Number(a);
        int second = Number(b);
        int year = Number(c);
        if (b.Length > 2 || first < 1 || second < 1 || year < 1 || (first > 12 && second > 12) || first > 31 || second > 31)
        {
            return false;
        }

        date = RawDate.Numeric(first, second, year);
        return true;
    }

    /// <summary>The day number of a real date, or null.</summary>
    public static int? TryMake(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day).DayNumber
            : null;

    // The time after the date is cut at a space, or at a T that follows a digit (a month name such as OCT has a T too).
    private static ReadOnlySpan<char> DatePart(ReadOnlySpan<char> field)
    {
        for (int i = 1; i < field.Length; i++)
        {
            if (field[i] == ' ' || (field[i] == 'T' && char.IsAsciiDigit(field[i - 1])))
            {
                return field[..i];
            }
        }

        return field;
    }

    private static bool TryExact(int year, int month, int day, bool shapeOk, out RawDate date)
    {
        date = default;
        if (!shapeOk || TryMake(year, month, day) is not { } dayNumber)
        {
            return false;
        }

        date = RawDate.Exact(dayNumber);
        return true;
    }

    private static int MonthOf(ReadOnlySpan<char> name)
    {
        for (int i = 0; i < Months.Length && name.Length == 3; i++)
        {
            if (name.Equals(Months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    // -1 for anything but 1 to 4 ASCII digits, which no check above lets through.
    private static int Number(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty || digits.Length > 4)
        {
            return -1;
        }

        int value = 0;
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
