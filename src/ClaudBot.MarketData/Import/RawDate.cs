namespace ClaudBot.MarketData.Import;

/// <summary>
/// A date as read from a field, before the file's day-month order is known: either exact (<c>2024-01-02</c>,
/// <c>02-Jan-2024</c>) or two numbers and a year (<c>02-01-2024</c>) that become a date once the whole file shows whether
/// the day or the month comes first.
/// </summary>
internal readonly record struct RawDate(int DayNumber, byte First, byte Second, short Year)
{
    public bool IsExact => Year == 0;

    public static RawDate Exact(int dayNumber) => new(dayNumber, 0, 0, 0);

    public static RawDate Numeric(int first, int second, int year) => new(0, (byte)first, (byte)second, (short)year);

    /// <summary>The day number, or null when the numbers make no real date (31 February) in the given order.</summary>
    public int? Resolve(bool dayFirst)
    {
        if (IsExact)
        {
            return DayNumber;
        }

        int day = dayFirst ? First : Second;
        int month = dayFirst ? Second : First;
        return ImportDates.TryMake(Year, month, day);
    }
}
