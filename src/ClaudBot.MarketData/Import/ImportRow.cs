using ClaudBot.MarketData.Csv;

namespace ClaudBot.MarketData.Import;

/// <summary>The values of one data row of an imported file while it is read.</summary>
internal struct ImportRow
{
    public RawDate Date;
    public CsvRow Prices;
    public double SplitRatio;
    public string? Symbol;
}
