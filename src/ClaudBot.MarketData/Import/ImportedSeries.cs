using ClaudBot.Engine.Data;

namespace ClaudBot.MarketData.Import;

/// <summary>
/// One symbol's bars as read from a file, oldest first, before they are merged into the user's store; rows left out
/// are listed with their reasons. A bhavcopy gives one of these per symbol, each with one bar.
/// </summary>
public sealed record ImportedSeries(BarSeries Bars, IReadOnlyList<SkippedRow> Skipped)
{
    public string Symbol => Bars.Symbol;

    /// <summary>Splits read from the file's own split column, if it has one.</summary>
    public IReadOnlyList<SplitEvent> Splits { get; init; } = [];

    /// <summary>Where the rows came from, for <c>claudbot data</c>: <c>import:FILE</c>, <c>yahoo</c>, <c>nse</c>.</summary>
    public string Source { get; init; } = "import";
}
