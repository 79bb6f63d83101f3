namespace ClaudBot.MarketData.Import;

/// <summary>What a column of an imported file holds; columns the reader does not use are <see cref="Ignored"/>.</summary>
internal enum ImportColumn
{
    Ignored,
    Date,
    Open,
    High,
    Low,
    Close,
    Volume,
    Splits,
    Symbol,
    Series,
}
