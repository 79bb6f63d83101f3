using System.Globalization;

namespace ClaudBot.Node.Commands;

internal static class Dates
{
    public static DateOnly Parse(string text, string name) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a valid {name} date: use YYYY-MM-DD, e.g. 2020-01-31.");
}
