namespace ClaudBot.MarketData.Csv;

/// <summary>The values of one data row while it is parsed and checked.</summary>
internal struct CsvRow
{
    public int Day;
    public double Open;
    public double High;
    public double Low;
    public double Close;
    public double AdjClose;
    public double Volume;
}
