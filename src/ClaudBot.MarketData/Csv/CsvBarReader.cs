using System.Text;

namespace ClaudBot.MarketData.Csv;

/// <summary>
/// Reads daily OHLCV bars from CSV, strictly or leniently. Two layouts are understood, with columns
/// found by header name (case-insensitive, any order, other columns ignored):
/// <list type="bullet">
/// <item>the bundled layout <c>Date,Open,High,Low,Close,Volume,Dividends,Stock Splits</c>, where
/// <c>Date</c> is <c>2021-01-27 00:00:00+05:30</c> and only its first ten characters (the trade date) are used;</item>
/// <item>the Yahoo-style <c>Date,Open,High,Low,Close,Volume</c>, optionally with <c>Adj Close</c>.</item>
/// </list>
/// <para>
/// When an <c>Adj Close</c> column is present the prices are back-adjusted: Open, High, Low and Close
/// of each row are multiplied by that row's <c>Adj Close / Close</c>, so Close becomes Adj Close and
/// splits and dividends do not look like crashes. Volume is kept as written. Without the column
/// prices are used as written (the bundled files are already adjusted). A missing Volume column reads as 0.
/// </para>
/// <para>
/// Numbers are invariant-culture. A row is bad when a field is empty or not a finite number, the row
/// has a different number of fields than the header, the date is not <c>yyyy-MM-dd</c>, repeats or
/// goes back, a price is zero or negative, Volume is negative, or High is below Low, Open or Close
/// (or Low above Open or Close). Strict reads throw <see cref="CsvFormatException"/> on the first bad
/// row, naming the file and 1-based line; lenient reads skip bad rows and count them. Blank lines
/// are ignored. A missing or unknown header, or a file without rows, is an error either way.
/// </para>
/// </summary>
public static class CsvBarReader
{
    /// <summary>Reads a CSV file; the symbol is the upper-case file name without extension.</summary>
    public static CsvReadResult Read(string path, bool lenient = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return CsvFile.Read(path, SymbolOf(path), path, lenient).Result;
    }

    /// <summary>Reads a CSV file without blocking on the read; the symbol is the upper-case file name.</summary>
    public static async ValueTask<CsvReadResult> ReadAsync(string path, bool lenient = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return (await CsvFile.ReadAsync(path, SymbolOf(path), path, lenient, cancellationToken)).Result;
    }

    /// <summary>Reads UTF-8 CSV from a stream (to its end).</summary>
    /// <param name="stream">The CSV bytes.</param>
    /// <param name="symbol">Symbol of the resulting series.</param>
    /// <param name="displayName">How errors name the source, e.g. <c>data/TCS.csv</c>.</param>
    /// <param name="lenient">Skip bad rows instead of throwing.</param>
    public static CsvReadResult Read(Stream stream, string symbol, string displayName, bool lenient = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            var rest = buffer.AsSpan((int)memory.Position);
            memory.Position = memory.Length;
            return CsvBarParser.Parse(rest, symbol, displayName, lenient);
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return CsvBarParser.Parse(copy.GetBuffer().AsSpan(0, (int)copy.Length), symbol, displayName, lenient);
    }

    /// <summary>Reads CSV text (to its end); meant for tests and text already in memory.</summary>
    public static CsvReadResult Read(TextReader reader, string symbol, string displayName, bool lenient = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return CsvBarParser.Parse(Encoding.UTF8.GetBytes(reader.ReadToEnd()), symbol, displayName, lenient);
    }

    private static string SymbolOf(string path) => Path.GetFileNameWithoutExtension(path).ToUpperInvariant();
}
