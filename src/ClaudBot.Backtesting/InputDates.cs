using System.Globalization;
using ClaudBot.Engine.Text;

namespace ClaudBot.Backtesting;

/// <summary>Dates typed on a command line: ISO <c>YYYY-MM-DD</c> only, with a message that shows the form.</summary>
public static class InputDates
{
    public static DateOnly Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"'{UserText.Excerpt(text)}' is not a valid {name} date: use YYYY-MM-DD, e.g. 2020-01-31.");
    }
}
