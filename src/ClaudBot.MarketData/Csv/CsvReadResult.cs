using System.Globalization;
using ClaudBot.Engine.Data;

namespace ClaudBot.MarketData.Csv;

/// <summary>The bars read from one CSV file and what a lenient read left out.</summary>
/// <param name="Bars">The good rows, oldest first.</param>
/// <param name="SkippedRows">How many bad rows were skipped (always 0 for a strict read).</param>
/// <param name="FirstSkippedRow">The first skipped row as <c>line 9: 'Close' is not a number: "abc"</c>; null when none.</param>
public sealed record CsvReadResult(BarSeries Bars, int SkippedRows, string? FirstSkippedRow)
{
    /// <summary>The user-facing note about skipped rows, e.g. <c>TCS: skipped 3 bad rows (first: line 9: ...)</c>; null when none.</summary>
    public string? Warning => SkippedRows == 0
        ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"{Bars.Symbol}: skipped {SkippedRows} bad {(SkippedRows == 1 ? "row" : "rows")} (first: {FirstSkippedRow})");
}
