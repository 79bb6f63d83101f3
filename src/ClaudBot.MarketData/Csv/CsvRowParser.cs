using System.Globalization;

namespace ClaudBot.MarketData.Csv;

/// <summary>
/// Parses and checks one data row. Returns null when the row is good, else the reason in words
/// (the only allocation, so good rows cost no garbage).
/// </summary>
internal static class CsvRowParser
{
    /// <summary>Prices at or below this are refused: no listed stock trades there, and 1e-200 would make returns overflow.</summary>
    public const double MinPrice = 1e-6;

    /// <summary>Prices at or above this are refused: no listed stock trades there, and 1e308 would make equity infinite.</summary>
    public const double MaxPrice = 1e9;

    public static string? TryParse(ReadOnlySpan<byte> line, CsvHeader header, out CsvRow row)
    {
        row = default;
        int fieldCount = line.Count((byte)',') + 1;
        if (fieldCount != header.FieldCount)
        {
            return fieldCount < header.FieldCount
                ? $"missing fields: the row has {fieldCount} but the header has {header.FieldCount}"
                : $"too many fields: the row has {fieldCount} but the header has {header.FieldCount}";
        }

        var rest = line;
        foreach (var column in header.Columns)
        {
            int comma = rest.IndexOf((byte)',');
            var field = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? default : rest[(comma + 1)..];
            if (column == CsvColumn.Ignored)
            {
                continue;
            }

            string? error = ParseField(CsvText.Trim(field), column, ref row);
            if (error is not null)
            {
                return error;
            }
        }

        string? inconsistency = CheckConsistency(in row);
        if (inconsistency is null && header.HasAdjClose)
        {
            AdjustToAdjClose(ref row);
            return CheckRange("adjusted Open", row.Open) ?? CheckRange("adjusted Low", row.Low) ?? CheckRange("adjusted High", row.High);
        }

        return inconsistency;
    }

    private static string? ParseField(ReadOnlySpan<byte> field, CsvColumn column, ref CsvRow row)
    {
        if (field.IsEmpty)
        {
            return $"'{CsvHeader.NameOf(column)}' is empty";
        }

        if (column == CsvColumn.Date)
        {
            return CsvText.TryParseDate(field, out row.Day) ? null : $"'Date' is not a yyyy-MM-dd date: {CsvText.Quote(field)}";
        }

        if (!CsvText.TryParseNumber(field, out double value))
        {
            return $"'{CsvHeader.NameOf(column)}' is not a number: {CsvText.Quote(field)}";
        }

        if (!double.IsFinite(value))
        {
            return $"'{CsvHeader.NameOf(column)}' is not a finite number: {CsvText.Quote(field)}";
        }

        if (column == CsvColumn.Volume)
        {
            row.Volume = value;
            return value < 0 ? string.Create(CultureInfo.InvariantCulture, $"'Volume' is negative: {value}") : null;
        }

        if (value <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"non-positive price: '{CsvHeader.NameOf(column)}' is {value}");
        }

        if (CheckRange($"'{CsvHeader.NameOf(column)}'", value) is { } outOfRange)
        {
            return outOfRange;
        }

        switch (column)
        {
            case CsvColumn.Open: row.Open = value; break;
            case CsvColumn.High: row.High = value; break;
            case CsvColumn.Low: row.Low = value; break;
            case CsvColumn.Close: row.Close = value; break;
            default: row.AdjClose = value; break;
        }

        return null;
    }

    internal static string? CheckRange(string name, double value) => value is > MinPrice and < MaxPrice
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"price out of range: {name} is {value:G6}; a price must be above {MinPrice:G} and below {MaxPrice:N0}");

    internal static string? CheckConsistency(in CsvRow row)
    {
        if (row.High < row.Low)
        {
            return Inconsistent("High", row.High, "below Low", row.Low);
        }

        if (row.High < row.Open || row.High < row.Close)
        {
            return row.High < row.Open
                ? Inconsistent("High", row.High, "below Open", row.Open)
                : Inconsistent("High", row.High, "below Close", row.Close);
        }

        if (row.Low > row.Open || row.Low > row.Close)
        {
            return row.Low > row.Open
                ? Inconsistent("Low", row.Low, "above Open", row.Open)
                : Inconsistent("Low", row.Low, "above Close", row.Close);
        }

        return null;
    }

    private static string Inconsistent(string name, double value, string relation, double other) =>
        string.Create(CultureInfo.InvariantCulture, $"inconsistent prices: {name} {value} is {relation} {other}");

    // One factor for all four prices keeps their order exactly (rounding is monotonic), so a row
    // that was consistent stays consistent; Close becomes Adj Close to within rounding.
    private static void AdjustToAdjClose(ref CsvRow row)
    {
        double factor = row.AdjClose / row.Close;
        row.Open *= factor;
        row.High *= factor;
        row.Low *= factor;
        row.Close *= factor;
    }
}
