using System.IO.Compression;
using System.Text;
using ClaudBot.Engine.Text;
using ClaudBot.MarketData.Symbols;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// Reads a price file of any supported layout (<see cref="ImportFormat"/>) into one series per symbol, oldest first:
/// detects the delimiter, the date format (<c>YYYY-MM-DD</c>, <c>DD-MM-YYYY</c>, <c>DD/MM/YYYY</c>, <c>DD-Mon-YYYY</c>, with
/// or without a time), quoted numbers with thousands separators, newest-first order, a BOM and CRLF, and the usual
/// column names. A file that cannot be read throws <see cref="CsvFormatException"/> naming the file and line.
/// </summary>
/// <remarks>
/// Rows with a blank, <c>-</c> or <c>null</c> cell are left out and listed in <see cref="ImportedSeries.Skipped"/>; any
/// other bad row (not a number, High below Low, a repeated date) stops the read, as the bundled reader does. Numeric
/// dates are read day first or month first as the whole file shows (a first number above 12 means day first); a file
/// whose every date fits both is refused. A bhavcopy (old or UDiFF, or a .zip holding one) keeps only EQ rows, one series
/// per symbol. <c>Close</c> is read, <c>LTP</c> only without it, <c>Adj Close</c> only without both; splits in a
/// <c>Stock Splits</c> column are returned, not applied.
/// </remarks>
public static class BarFileReader
{
    private const int BufferBytes = 64 * 1024;

    /// <param name="symbol">The symbol of a one-symbol file; null takes it from the file's name (<c>TCS.csv</c>, <c>TCS.NS.csv</c>).
    /// For a bhavcopy, only that symbol's row is read.</param>
    /// <exception cref="CsvFormatException">The file is missing, unreadable, or not prices in a known layout.</exception>
    /// <exception cref="InvalidSymbolException"><paramref name="symbol"/> cannot be a symbol.</exception>
    public static IReadOnlyList<ImportedSeries> Read(string path, ImportFormat format = ImportFormat.Auto, string? symbol = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? given = symbol is null ? null : SymbolName.Validate(symbol);
        var parser = new ImportFileParser(path, format, () => SymbolOfFile(path), given);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, FileOptions.SequentialScan);
            if (!IsZip(stream))
            {
                return parser.Parse(Reader(stream));
            }

            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            using var entry = OnlyCsv(zip, path).Open();
            return parser.Parse(Reader(entry));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CsvFormatException(path, null, e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "not allowed to read the file",
                InvalidDataException => "a damaged .zip file",
                _ => $"cannot read the file: {UserText.Excerpt(e.Message, 120)}",
            });
        }
    }

    /// <summary>The symbol a one-symbol file's name gives: the name up to its first '.' or '_', upper-cased.</summary>
    /// <exception cref="CsvFormatException">That is not a valid symbol.</exception>
    internal static string SymbolOfFile(string path)
    {
        string name = Path.GetFileName(path);
        int cut = name.AsSpan().IndexOfAny('.', '_');
        string symbol = SymbolName.Normalize(cut < 0 ? name : name[..cut]);
        return SymbolName.IsValid(symbol)
            ? symbol
            : throw new CsvFormatException(path, null,
                $"the file name does not give a symbol (\"{UserText.Excerpt(symbol)}\" is not one); name it with --symbol");
    }

    private static StreamReader Reader(Stream stream) =>
        new(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferBytes);

    // By content, not by name: a downloaded bhavcopy zip renamed to .csv still reads.
    private static bool IsZip(FileStream stream)
    {
        Span<byte> magic = stackalloc byte[4];
        int read = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    private static ZipArchiveEntry OnlyCsv(ZipArchive zip, string path)
    {
        var csvs = zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        return csvs.Count == 1
            ? csvs[0]
            : throw new CsvFormatException(path, null, csvs.Count == 0
                ? "the .zip holds no .csv file"
                : $"the .zip holds {csvs.Count} .csv files; import one at a time");
    }
}
