using System.Globalization;

namespace ClaudBot.MarketData.Csv;

/// <summary>
/// Turns the UTF-8 bytes of a whole CSV file into bars, line by line over spans. Line numbers are
/// physical (the header is line 1, blank lines count), so they match what an editor shows.
/// </summary>
internal static class CsvBarParser
{
    public static CsvReadResult Parse(ReadOnlySpan<byte> data, string symbol, string displayName, bool lenient)
    {
        if (data.StartsWith("\uFEFF"u8))
        {
            data = data[3..];
        }

        CsvHeader? header = null;
        BarColumns? bars = null;
        int lineNumber = 0;
        int skipped = 0;
        string? firstSkipped = null;
        int lastDay = int.MinValue;
        int lastLine = 0;
        while (!data.IsEmpty)
        {
            int newline = data.IndexOf((byte)'\n');
            var line = newline < 0 ? data : data[..newline];
            data = newline < 0 ? default : data[(newline + 1)..];
            lineNumber++;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (CsvText.IsBlank(line))
            {
                continue;
            }

            if (header is null || bars is null)
            {
                header = CsvHeader.Parse(line, displayName, lineNumber);
                bars = new BarColumns(CountLines(data));
                continue;
            }

            string? error = CsvRowParser.TryParse(line, header, out var row) ?? CheckOrder(row.Day, lastDay, lastLine);
            if (error is null)
            {
                bars.Add(in row);
                lastDay = row.Day;
                lastLine = lineNumber;
                continue;
            }

            if (!lenient)
            {
                throw new CsvFormatException(displayName, lineNumber, error);
            }

            skipped++;
            firstSkipped ??= string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: {error}");
        }

        if (header is null || bars is null)
        {
            throw new CsvFormatException(displayName, null, "the file is empty: it has no header and no rows");
        }

        if (bars.Count == 0)
        {
            throw new CsvFormatException(displayName, null, skipped == 0
                ? "the file has a header but no data rows"
                : string.Create(CultureInfo.InvariantCulture, $"no usable rows: all {skipped} rows are bad (first: {firstSkipped})"));
        }

        return new CsvReadResult(bars.ToSeries(symbol), skipped, firstSkipped);
    }

    private static string? CheckOrder(int day, int lastDay, int lastLine)
    {
        if (day > lastDay)
        {
            return null;
        }

        return day == lastDay
            ? string.Create(CultureInfo.InvariantCulture, $"duplicate date {Format(day)} (first seen on line {lastLine})")
            : string.Create(CultureInfo.InvariantCulture, $"date {Format(day)} is out of order: it comes after {Format(lastDay)} on line {lastLine}");
    }

    private static string Format(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Each remaining line holds at most one row: the exact bound for a clean file.
    private static int CountLines(ReadOnlySpan<byte> rest) =>
        rest.Count((byte)'\n') + (rest.IsEmpty || rest[^1] == (byte)'\n' ? 0 : 1);
}
