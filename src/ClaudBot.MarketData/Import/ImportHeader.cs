using ClaudBot.Engine.Text;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// The header of an imported file: its delimiter and which field holds what. Names are matched case-insensitively with
/// spaces, underscores and dots removed. Where several names can mean one thing the better one wins (Close over LTP over
/// Adj Close), so an NSE export's <c>close</c> is read rather than its <c>ltp</c>.
/// </summary>
internal sealed class ImportHeader
{
    private readonly int[] _indexOf;

    private ImportHeader(char delimiter, int fieldCount, int[] indexOf)
    {
        Delimiter = delimiter;
        FieldCount = fieldCount;
        _indexOf = indexOf;
    }

    public char Delimiter { get; }

    public int FieldCount { get; }

    /// <summary>A bhavcopy-like file: a symbol and a series on every row, so rows are grouped by symbol and only EQ is kept.</summary>
    public bool IsMultiSymbol => Has(ImportColumn.Symbol) && Has(ImportColumn.Series);

    /// <summary>The field index of a column, or -1 when the file has none.</summary>
    public int IndexOf(ImportColumn column) => _indexOf[(int)column];

    public bool Has(ImportColumn column) => IndexOf(column) >= 0;

    /// <exception cref="CsvFormatException">A required column is missing, named twice, or the header has a single column.</exception>
    public static ImportHeader Parse(string line, string displayName, int lineNumber)
    {
        char delimiter = DelimitedLine.Detect(line)
            ?? throw new CsvFormatException(displayName, lineNumber,
                $"the header has one column; expected Date, Open, High, Low, Close separated by , ; tab or |: {Quote(line)}");
        var fields = new Range[DelimitedLine.Split(line, delimiter, default)];
        DelimitedLine.Split(line, delimiter, fields);
        int columnCount = Enum.GetValues<ImportColumn>().Length;
        var indexOf = Enumerable.Repeat(-1, columnCount).ToArray();
        var rankOf = new int[columnCount];
        for (int i = 0; i < fields.Length; i++)
        {
            var (column, rank) = ImportColumnNames.Identify(DelimitedLine.Unquote(line.AsSpan(fields[i])));
            if (column == ImportColumn.Ignored)
            {
                continue;
            }

            int earlier = indexOf[(int)column];
            if (earlier >= 0 && rankOf[(int)column] == rank)
            {
                throw new CsvFormatException(displayName, lineNumber,
                    $"the header names {column} twice (columns {earlier + 1} and {i + 1}): {Quote(line)}");
            }

            if (earlier < 0 || rank < rankOf[(int)column])
            {
                indexOf[(int)column] = i;
                rankOf[(int)column] = rank;
            }
        }

        var header = new ImportHeader(delimiter, fields.Length, indexOf);
        header.CheckRequired(line, displayName, lineNumber);
        return header;
    }

    private void CheckRequired(string line, string displayName, int lineNumber)
    {
        ImportColumn[] required = [ImportColumn.Date, ImportColumn.Open, ImportColumn.High, ImportColumn.Low, ImportColumn.Close];
        string[] missing = [.. required.Where(c => !Has(c)).Select(c => c.ToString())];
        if (missing.Length > 0)
        {
            throw new CsvFormatException(displayName, lineNumber,
                $"no {string.Join(", ", missing)} column: the header must name Date, Open, High, Low and Close " +
                $"(or Timestamp, OPEN, LTP, ...; Volume is optional): {Quote(line)}");
        }
    }

    private static string Quote(string text) => $"\"{UserText.Excerpt(text, 80)}\"";
}
