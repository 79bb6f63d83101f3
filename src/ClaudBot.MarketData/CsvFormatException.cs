namespace ClaudBot.MarketData;

/// <summary>
/// A CSV file that cannot be read as daily bars: a bad header, an empty file, or (in strict mode) a
/// bad row. The message reads <c>data/TCS.csv line 17: duplicate date 2021-03-04 (first seen on line 16)</c>.
/// </summary>
public sealed class CsvFormatException : MarketDataException
{
    public CsvFormatException(string filePath, int? lineNumber, string reason)
        : base(Format(filePath, lineNumber, reason))
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        Reason = reason;
    }

    public CsvFormatException()
    {
        FilePath = string.Empty;
        Reason = string.Empty;
    }

    public CsvFormatException(string message)
        : base(message)
    {
        FilePath = string.Empty;
        Reason = message;
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Reason = message;
    }

    /// <summary>The file as it was named to the reader, e.g. <c>data/TCS.csv</c>.</summary>
    public string FilePath { get; }

    /// <summary>1-based physical line number (the header is line 1); null when the whole file is at fault.</summary>
    public int? LineNumber { get; }

    /// <summary>What was wrong, without the file and line prefix.</summary>
    public string Reason { get; }

    private static string Format(string filePath, int? lineNumber, string reason) =>
        lineNumber is { } line ? $"{filePath} line {line}: {reason}" : $"{filePath}: {reason}";
}
