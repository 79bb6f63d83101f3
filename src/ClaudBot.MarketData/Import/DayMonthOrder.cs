using System.Globalization;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// Settles whether a file's numeric dates (<c>05-03-2024</c>) put the day or the month first, from the whole file: a first
/// number above 12 shows day-first, a second above 12 month-first. A file showing both is refused, and so is one whose every
/// date fits both orders, rather than guessing March for May.
/// </summary>
internal sealed class DayMonthOrder
{
    private int _dayFirstLine;
    private int _monthFirstLine;
    private int _numericLine;

    public void Observe(in RawDate date, int lineNumber)
    {
        if (date.IsExact)
        {
            return;
        }

        if (_numericLine == 0)
        {
            _numericLine = lineNumber;
        }

        if (date.First > 12 && _dayFirstLine == 0)
        {
            _dayFirstLine = lineNumber;
        }
        else if (date.Second > 12 && _monthFirstLine == 0)
        {
            _monthFirstLine = lineNumber;
        }
    }

    /// <summary>True when the day comes first (also when the file has no numeric dates, where it does not matter).</summary>
    /// <exception cref="CsvFormatException">The file's dates mix both orders, or every one fits both.</exception>
    public bool DayFirst(string displayName)
    {
        if (_dayFirstLine > 0 && _monthFirstLine > 0)
        {
            throw new CsvFormatException(displayName, Math.Max(_dayFirstLine, _monthFirstLine), string.Create(CultureInfo.InvariantCulture,
                $"the dates mix day-first and month-first: line {_dayFirstLine} has the day first, line {_monthFirstLine} the month first"));
        }

        if (_numericLine > 0 && _dayFirstLine == 0 && _monthFirstLine == 0)
        {
            throw new CsvFormatException(displayName, _numericLine,
                "every date fits both DD-MM-YYYY and MM-DD-YYYY (no day above 12), so the order is unknown; " +
                "write the dates as YYYY-MM-DD or DD-Mon-YYYY");
        }

        return _monthFirstLine == 0;
    }
}
