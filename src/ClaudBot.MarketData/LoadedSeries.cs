using ClaudBot.Engine.Data;
using ClaudBot.MarketData.Actions;

namespace ClaudBot.MarketData;

/// <summary>
/// The bars of one symbol as loaded. The arrays of <see cref="Bars"/> may be shared with other
/// callers (the store memoises loads), so treat them as read-only.
/// </summary>
/// <param name="Bars">The series, oldest bar first, adjusted for the splits and bonuses in <c>actions.csv</c>.</param>
/// <param name="SkippedRows">Bad rows left out by a lenient load; 0 for a strict load.</param>
/// <param name="FromCache">True when the CSV was not parsed for this call (binary cache or in-process memo).</param>
/// <param name="Warnings">Things the user should hear about, e.g. <c>TCS: skipped 3 bad rows (first: line 9: ...)</c>.</param>
public sealed record LoadedSeries(BarSeries Bars, int SkippedRows, bool FromCache, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Cash dividends from <c>actions.csv</c>, oldest first, per share as written (not split-adjusted); kept for a
    /// total-return series, which nothing builds yet. Empty when there are none.
    /// </summary>
    public IReadOnlyList<DividendEvent> Dividends { get; init; } = [];
}
