using ClaudBot.Engine.Data;

namespace ClaudBot.MarketData.Csv;

/// <summary>
/// Column arrays filled row by row. The capacity is an upper bound on the rows (the lines left
/// after the header), so arrays never grow and are only trimmed when rows were blank or skipped.
/// </summary>
internal sealed class BarColumns(int capacity)
{
    private int[] _days = new int[capacity];
    private double[] _open = new double[capacity];
    private double[] _high = new double[capacity];
    private double[] _low = new double[capacity];
    private double[] _close = new double[capacity];
    private double[] _volume = new double[capacity];

    public int Count { get; private set; }

    public void Add(in CsvRow row)
    {
        int i = Count++;
        _days[i] = row.Day;
        _open[i] = row.Open;
        _high[i] = row.High;
        _low[i] = row.Low;
        _close[i] = row.Close;
        _volume[i] = row.Volume;
    }

    public BarSeries ToSeries(string symbol)
    {
        if (Count != _days.Length)
        {
            Array.Resize(ref _days, Count);
            Array.Resize(ref _open, Count);
            Array.Resize(ref _high, Count);
            Array.Resize(ref _low, Count);
            Array.Resize(ref _close, Count);
            Array.Resize(ref _volume, Count);
        }

        return new BarSeries(symbol, _days, _open, _high, _low, _close, _volume);
    }
}
