using System.Globalization;
using System.Text;
using ClaudBot.Engine.Text;

namespace ClaudBot.MarketData.Csv;

/// <summary>Byte-level helpers for one CSV field: trimming, numbers, dates, and quoting for messages.</summary>
internal static class CsvText
{
    private const int MaxQuotedBytes = 40;

    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).IsEmpty;

    /// <summary>Drops surrounding whitespace and one pair of double quotes.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> field)
    {
        field = field.Trim(" \t"u8);
        if (field.Length >= 2 && field[0] == (byte)'"' && field[^1] == (byte)'"')
        {
            field = field[1..^1].Trim(" \t"u8);
        }

        return field;
    }

    public static bool TryParseNumber(ReadOnlySpan<byte> field, out double value) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Reads <c>yyyy-MM-dd</c> from the first ten bytes; anything after must start with a space or
    /// <c>T</c> (a time and zone, as in <c>2021-01-27 00:00:00+05:30</c>) and is ignored.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<byte> field, out int dayNumber)
    {
        dayNumber = 0;
        if (field.Length < 10 || (field.Length > 10 && field[10] != (byte)' ' && field[10] != (byte)'T')
            || field[4] != (byte)'-' || field[7] != (byte)'-')
        {
            return false;
        }

        if (!TryDigits(field[..4], out int year) || !TryDigits(field.Slice(5, 2), out int month)
            || !TryDigits(field.Slice(8, 2), out int day))
        {
            return false;
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        dayNumber = new DateOnly(year, month, day).DayNumber;
        return true;
    }

    /// <summary>The field as a short quoted string for an error message.</summary>
    public static string Quote(ReadOnlySpan<byte> field)
    {
        bool cut = field.Length > MaxQuotedBytes;
        string text = UserText.Clean(Encoding.UTF8.GetString(cut ? field[..MaxQuotedBytes] : field));
        return cut ? $"\"{text}...\"" : $"\"{text}\"";
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (byte b in digits)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }
}
