namespace ClaudBot.MarketData.Csv;

/// <summary>What a CSV column holds; columns the reader does not use are <see cref="Ignored"/>.</summary>
internal enum CsvColumn
{
    Ignored,
    Date,
    Open,
    High,
    Low,
    Close,
    AdjClose,
    Volume,
}
