using System.Text;

namespace ClaudBot.MarketData.Csv;

/// <summary>
/// The column layout found in a header line. Names are matched case-insensitively, ignoring spaces
/// and underscores (<c>Adj Close</c>, <c>adj_close</c>, <c>AdjClose</c>), in any order; other
/// columns are ignored.
/// </summary>
internal sealed class CsvHeader
{
    private static readonly CsvColumn[] Required = [CsvColumn.Date, CsvColumn.Open, CsvColumn.High, CsvColumn.Low, CsvColumn.Close];

    private CsvHeader(CsvColumn[] columns)
    {
        Columns = columns;
        HasAdjClose = Array.IndexOf(columns, CsvColumn.AdjClose) >= 0;
    }

    /// <summary>What each field position holds.</summary>
    public CsvColumn[] Columns { get; }

    public int FieldCount => Columns.Length;

    public bool HasAdjClose { get; }

    public static string NameOf(CsvColumn column) => column == CsvColumn.AdjClose ? "Adj Close" : column.ToString();

    /// <exception cref="CsvFormatException">A required column is missing or a column appears twice.</exception>
    public static CsvHeader Parse(ReadOnlySpan<byte> line, string displayName, int lineNumber)
    {
        string text = Encoding.UTF8.GetString(line);
        string[] names = text.Split(',');
        var columns = new CsvColumn[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            var column = Identify(names[i]);
            int earlier = column == CsvColumn.Ignored ? -1 : Array.IndexOf(columns, column, 0, i);
            if (earlier >= 0)
            {
                throw new CsvFormatException(displayName, lineNumber,
                    $"the header names '{NameOf(column)}' twice (columns {earlier + 1} and {i + 1})");
            }

            columns[i] = column;
        }

        var missing = Required.Where(c => Array.IndexOf(columns, c) < 0).Select(c => $"'{NameOf(c)}'").ToArray();
        if (missing.Length > 0)
        {
            string shown = text.Length > 80 ? text[..80] + "..." : text;
            throw new CsvFormatException(displayName, lineNumber,
                $"the header must name the columns Date, Open, High, Low and Close (Volume and Adj Close are optional); " +
                $"missing {string.Join(", ", missing)} in \"{shown}\"");
        }

        return new CsvHeader(columns);
    }

    private static CsvColumn Identify(string name)
    {
        string key = name.Trim().Trim('"').Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return key switch
        {
            "DATE" => CsvColumn.Date,
            "OPEN" => CsvColumn.Open,
            "HIGH" => CsvColumn.High,
            "LOW" => CsvColumn.Low,
            "CLOSE" => CsvColumn.Close,
            "ADJCLOSE" => CsvColumn.AdjClose,
            "VOLUME" => CsvColumn.Volume,
            _ => CsvColumn.Ignored,
        };
    }
}
