using System.Globalization;
using ClaudBot.Engine.Text;
using ClaudBot.MarketData.Csv;
using ClaudBot.MarketData.Symbols;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// Parses and checks one data row of an imported file, with the bundled reader's rules (<see cref="CsvRowParser"/>): prices
/// positive and in range, High not below Low, Open or Close, Low not above them, Volume not negative. Numbers may be quoted
/// and carry thousands separators (<c>"1,002.50"</c>).
/// </summary>
internal static class ImportRowParser
{
    private static readonly ImportColumn[] PriceColumns = [ImportColumn.Open, ImportColumn.High, ImportColumn.Low, ImportColumn.Close];

    public static RowStatus Parse(string line, ImportHeader header, Range[] fields, out ImportRow row, out string? reason)
    {
        row = default;
        reason = null;
        int count = DelimitedLine.Split(line, header.Delimiter, fields);
        if (count != header.FieldCount)
        {
            reason = count < header.FieldCount
                ? Invariant($"missing fields: the row has {count} but the header has {header.FieldCount}")
                : Invariant($"too many fields: the row has {count} but the header has {header.FieldCount}");
            return RowStatus.Bad;
        }

        var span = line.AsSpan();
        if (header.IsMultiSymbol)
        {
            var series = Field(span, fields, header, ImportColumn.Series);
            if (!series.Equals("EQ", StringComparison.OrdinalIgnoreCase))
            {
                return RowStatus.OtherSeries;
            }

            string symbol = SymbolName.Normalize(Field(span, fields, header, ImportColumn.Symbol).ToString());
            if (!SymbolName.IsValid(symbol))
            {
                reason = $"not a valid symbol: \"{UserText.Excerpt(symbol)}\"";
                return RowStatus.Skipped;
            }

            row.Symbol = symbol;
        }

        var date = Field(span, fields, header, ImportColumn.Date);
        if (IsMissing(date))
        {
            reason = $"'Date' is blank: {Quote(date)}";
            return RowStatus.Skipped;
        }

        if (!ImportDates.TryParse(date, out row.Date))
        {
            reason = $"'Date' fits no date format ({ImportDates.Expected}): {Quote(date)}";
            return RowStatus.Bad;
        }

        return ReadNumbers(span, fields, header, ref row, out reason);
    }

    private static RowStatus ReadNumbers(ReadOnlySpan<char> line, Range[] fields, ImportHeader header, ref ImportRow row, out string? reason)
    {
        var prices = PriceColumns;
        Span<double> values = stackalloc double[4];
        for (int i = 0; i < prices.Length; i++)
        {
            var status = ReadNumber(line, fields, header, prices[i], out values[i], out reason);
            if (status != RowStatus.Good)
            {
                return status;
            }

            if (values[i] <= 0)
            {
                reason = Invariant($"non-positive price: '{prices[i]}' is {values[i]}");
                return RowStatus.Bad;
            }

            // The name is formatted only for a bad value: a good row allocates nothing.
            if (values[i] is <= CsvRowParser.MinPrice or >= CsvRowParser.MaxPrice)
            {
                reason = CsvRowParser.CheckRange($"'{prices[i]}'", values[i]);
                return RowStatus.Bad;
            }
        }

        row.Prices = new CsvRow { Open = values[0], High = values[1], Low = values[2], Close = values[3] };
        if (header.Has(ImportColumn.Volume))
        {
            var status = ReadNumber(line, fields, header, ImportColumn.Volume, out row.Prices.Volume, out reason);
            if (status != RowStatus.Good)
            {
                return status;
            }

            if (row.Prices.Volume < 0)
            {
                reason = Invariant($"'Volume' is negative: {row.Prices.Volume}");
                return RowStatus.Bad;
            }
        }

        if (header.Has(ImportColumn.Splits) && !IsMissing(Field(line, fields, header, ImportColumn.Splits)))
        {
            var status = ReadNumber(line, fields, header, ImportColumn.Splits, out row.SplitRatio, out reason);
            if (status != RowStatus.Good || row.SplitRatio < 0)
            {
                reason ??= Invariant($"'Stock Splits' is negative: {row.SplitRatio}");
                return RowStatus.Bad;
            }
        }

        reason = CsvRowParser.CheckConsistency(in row.Prices);
        return reason is null ? RowStatus.Good : RowStatus.Bad;
    }

    private static RowStatus ReadNumber(ReadOnlySpan<char> line, Range[] fields, ImportHeader header, ImportColumn column, out double value, out string? reason)
    {
        value = 0;
        reason = null;
        var field = Field(line, fields, header, column);
        if (IsMissing(field))
        {
            reason = $"'{column}' is blank: {Quote(field)}";
            return RowStatus.Skipped;
        }

        if (!double.TryParse(field, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value)
            || !double.IsFinite(value))
        {
            reason = $"'{column}' is not a number: {Quote(field)}";
            return RowStatus.Bad;
        }

        return RowStatus.Good;
    }

    private static ReadOnlySpan<char> Field(ReadOnlySpan<char> line, Range[] fields, ImportHeader header, ImportColumn column) =>
        DelimitedLine.Unquote(line[fields[header.IndexOf(column)]]);

    // Exports mark a holiday or a missing value with an empty cell, a dash or null (Yahoo).
    private static bool IsMissing(ReadOnlySpan<char> field) =>
        field.IsEmpty || field is "-" || field.Equals("null", StringComparison.OrdinalIgnoreCase)
        || field.Equals("NaN", StringComparison.OrdinalIgnoreCase) || field.Equals("N/A", StringComparison.OrdinalIgnoreCase);

    private static string Quote(ReadOnlySpan<char> field) => $"\"{UserText.Excerpt(field)}\"";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
