using System.Globalization;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// Reads the lines of one imported file (streamed: each line is read once, as one string) into series: one for a
/// one-symbol file, one per symbol for a bhavcopy. Blank lines anywhere are passed over; line numbers are physical
/// (the header is line 1 when the file starts with it), so they match what an editor shows.
/// </summary>
internal sealed class ImportFileParser(string displayName, ImportFormat format, Func<string> fileSymbol, string? onlySymbol)
{
    private readonly Dictionary<string, SeriesBuilder> _bySymbol = new(StringComparer.Ordinal);
    private readonly List<SkippedRow> _unattributed = [];
    private readonly DayMonthOrder _order = new();

    public IReadOnlyList<ImportedSeries> Parse(TextReader reader)
    {
        ImportHeader? header = null;
        SeriesBuilder? single = null;
        Range[] fields = [];
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (header is null)
            {
                header = ImportHeader.Parse(line, displayName, lineNumber);
                CheckFormat(header, lineNumber);
                fields = new Range[header.FieldCount + 1];
                single = header.IsMultiSymbol ? null : new SeriesBuilder(onlySymbol ?? fileSymbol(), displayName);
                continue;
            }

            var status = ImportRowParser.Parse(line, header, fields, out var row, out string? reason);
            if (status == RowStatus.Bad)
            {
                throw new CsvFormatException(displayName, lineNumber, reason!);
            }

            if (status == RowStatus.OtherSeries || (single is null && onlySymbol is not null && row.Symbol is not null && row.Symbol != onlySymbol))
            {
                continue;
            }

            var builder = single ?? (row.Symbol is null ? null : BuilderOf(row.Symbol));
            if (status == RowStatus.Skipped)
            {
                SkipTo(builder, lineNumber, reason!);
                continue;
            }

            _order.Observe(in row.Date, lineNumber);
            builder!.Add(in row, lineNumber);
        }

        return header is null
            ? throw new CsvFormatException(displayName, null, "the file is empty: it has no header and no rows")
            : Build(single);
    }

    private List<ImportedSeries> Build(SeriesBuilder? single)
    {
        var builders = single is null ? _bySymbol.Values.Where(b => b.Count > 0).ToList() : [single];
        if (builders.Count == 0 || builders[0].Count == 0)
        {
            throw new CsvFormatException(displayName, null, NothingRead(single));
        }

        bool dayFirst = _order.DayFirst(displayName);
        var series = builders.Select(b => b.Build(dayFirst)).ToList();

        // Rows that named no usable symbol, or only symbols without a bar, are still reported: with the first series.
        if (_unattributed.Count > 0 || _bySymbol.Values.Any(b => b.Count == 0))
        {
            var first = series[0];
            series[0] = first with { Skipped = [.. first.Skipped, .. _unattributed, .. _bySymbol.Values.Where(b => b.Count == 0).SelectMany(b => b.Skipped)] };
        }

        return series;
    }

    private string NothingRead(SeriesBuilder? single)
    {
        int skipped = _unattributed.Count + _bySymbol.Values.Sum(b => b.Skipped.Count) + (single?.Skipped.Count ?? 0);
        if (single is null)
        {
            return onlySymbol is null
                ? string.Create(CultureInfo.InvariantCulture, $"no EQ rows with prices ({skipped} skipped)")
                : $"no EQ row for {onlySymbol}";
        }

        var first = single is { Skipped.Count: > 0 } ? single.Skipped[0] : null;
        return first is null
            ? "the file has a header but no data rows"
            : string.Create(CultureInfo.InvariantCulture,
                $"no rows with prices: all {skipped} rows have a blank cell (first: line {first.Line}: {first.Reason})");
    }

    private SeriesBuilder BuilderOf(string symbol)
    {
        if (!_bySymbol.TryGetValue(symbol, out var builder))
        {
            builder = new SeriesBuilder(symbol, displayName);
            _bySymbol.Add(symbol, builder);
        }

        return builder;
    }

    private void SkipTo(SeriesBuilder? builder, int lineNumber, string reason)
    {
        if (builder is null)
        {
            _unattributed.Add(new SkippedRow(displayName, lineNumber, reason));
        }
        else
        {
            builder.Skip(lineNumber, reason);
        }
    }

    private void CheckFormat(ImportHeader header, int lineNumber)
    {
        if (format == ImportFormat.Bhavcopy && !header.IsMultiSymbol)
        {
            throw new CsvFormatException(displayName, lineNumber,
                "not a bhavcopy: the header has no SYMBOL and SERIES (or TckrSymb and SctySrs) columns");
        }

        if (format is not (ImportFormat.Auto or ImportFormat.Bhavcopy) && header.IsMultiSymbol)
        {
            throw new CsvFormatException(displayName, lineNumber,
                "this is a bhavcopy (it has SYMBOL and SERIES columns): import it with --format bhavcopy or auto");
        }
    }
}
