using System.Globalization;
using ClaudBot.Engine.Data;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// One symbol's rows as they are read, with the line each came from. Dates are settled only at the end, when the file's
/// day-month order is known; then a newest-first file is turned round and duplicate or out-of-order dates are refused
/// with both lines.
/// </summary>
internal sealed class SeriesBuilder(string symbol, string displayName)
{
    private RawDate[] _dates = new RawDate[64];
    private int[] _lines = new int[64];
    private double[] _open = new double[64];
    private double[] _high = new double[64];
    private double[] _low = new double[64];
    private double[] _close = new double[64];
    private double[] _volume = new double[64];
    private double[] _splits = new double[64];
    private readonly List<SkippedRow> _skipped = [];

    public string Symbol { get; } = symbol;

    public int Count { get; private set; }

    public IReadOnlyList<SkippedRow> Skipped => _skipped;

    public void Add(in ImportRow row, int lineNumber)
    {
        if (Count == _dates.Length)
        {
            Grow(Count * 2);
        }

        int i = Count++;
        _dates[i] = row.Date;
        _lines[i] = lineNumber;
        _open[i] = row.Prices.Open;
        _high[i] = row.Prices.High;
        _low[i] = row.Prices.Low;
        _close[i] = row.Prices.Close;
        _volume[i] = row.Prices.Volume;
        _splits[i] = row.SplitRatio;
    }

    public void Skip(int lineNumber, string reason) => _skipped.Add(new SkippedRow(displayName, lineNumber, reason));

    /// <exception cref="CsvFormatException">A date is not real in the file's order, repeats, or is out of order.</exception>
    public ImportedSeries Build(bool dayFirst)
    {
        var days = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            days[i] = _dates[i].Resolve(dayFirst) ?? throw new CsvFormatException(displayName, _lines[i],
                string.Create(CultureInfo.InvariantCulture, $"'Date' is not a real date read {(dayFirst ? "day" : "month")} first"));
        }

        Grow(Count);
        if (Count > 1 && days[0] > days[^1])
        {
            Array[] columns = [days, _lines, _open, _high, _low, _close, _volume, _splits];
            foreach (var column in columns)
            {
                Array.Reverse(column);
            }
        }

        CheckOrder(days);
        var bars = new BarSeries(Symbol, days, _open, _high, _low, _close, _volume);
        return new ImportedSeries(bars, _skipped) { Splits = SplitsOf(days), Source = $"import:{Path.GetFileName(displayName)}" };
    }

    private void CheckOrder(int[] days)
    {
        for (int i = 1; i < days.Length; i++)
        {
            if (days[i] > days[i - 1])
            {
                continue;
            }

            // Name the later line of the two in the file: that is where an editor shows the problem.
            bool laterIsThis = _lines[i] > _lines[i - 1];
            int line = laterIsThis ? _lines[i] : _lines[i - 1];
            int other = laterIsThis ? _lines[i - 1] : _lines[i];
            int day = laterIsThis ? days[i] : days[i - 1];
            int otherDay = laterIsThis ? days[i - 1] : days[i];
            string reason = day == otherDay
                ? string.Create(CultureInfo.InvariantCulture, $"duplicate date {Format(day)} (first seen on line {other})")
                : string.Create(CultureInfo.InvariantCulture,
                    $"date {Format(day)} is out of order: line {other} has {Format(otherDay)}, and the file runs {(_lines[0] < _lines[^1] ? "oldest" : "newest")} first");
            throw new CsvFormatException(displayName, line, reason);
        }
    }

    private SplitEvent[] SplitsOf(int[] days)
    {
        var splits = new List<SplitEvent>();
        for (int i = 0; i < days.Length; i++)
        {
            if (_splits[i] > 0)
            {
                splits.Add(new SplitEvent(Symbol, DateOnly.FromDayNumber(days[i]), _splits[i]));
            }
        }

        return [.. splits];
    }

    private void Grow(int size)
    {
        Array.Resize(ref _dates, size);
        Array.Resize(ref _lines, size);
        Array.Resize(ref _open, size);
        Array.Resize(ref _high, size);
        Array.Resize(ref _low, size);
        Array.Resize(ref _close, size);
        Array.Resize(ref _volume, size);
        Array.Resize(ref _splits, size);
    }

    private static string Format(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
