namespace ClaudBot.MarketData.Import;

/// <summary>
/// Reads a price file of any supported layout (<see cref="ImportFormat"/>) into one series per symbol, oldest first:
/// detects the delimiter, the date format (<c>YYYY-MM-DD</c>, <c>DD-MM-YYYY</c>, <c>DD/MM/YYYY</c>, <c>DD-Mon-YYYY</c>, with
/// or without a time), quoted numbers with thousands separators, newest-first order, a BOM and CRLF, and the usual
/// column names. A file that cannot be read throws <see cref="CsvFormatException"/> naming the file and line.
/// </summary>
public static class BarFileReader
{
    /// <param name="symbol">The symbol of a one-symbol file; null takes it from the file's name (<c>TCS.csv</c>, <c>TCS.NS.csv</c>).</param>
    public static IReadOnlyList<ImportedSeries> Read(string path, ImportFormat format = ImportFormat.Auto, string? symbol = null) =>
        throw new NotImplementedException("BarFileReader is being built (issue 15).");
}
