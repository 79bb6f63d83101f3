using System.Globalization;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Results;

namespace ClaudBot.Bot.Results;

/// <summary>
/// The tables of a job summary: percentages with one decimal, Sharpe with two, like the CLI's table; a metric that is not
/// finite (or absent, as "vs B&amp;H" in results written before the benchmark) is "-". "vs B&amp;H" is the strategy's return
/// over buy and hold of the same symbol with the same settings. "Fees" is the charges paid in rupees, compact (<c>13.4k</c>),
/// "-" in results written before fees were kept.
/// </summary>
internal static class ResultTables
{
    private static readonly IReadOnlyList<string> RankedColumns = ["#", "Strategy", "Symbol", "Return", "vs B&H", "CAGR", "Sharpe", "Max DD", "Trades", "Win rate", "Fees"];
    private static readonly HashSet<int> RankedNumericColumns = [0, 3, 4, 5, 6, 7, 8, 9, 10];

    // The metrics (as RankedMetric names them) that the ranked table's own columns show.
    private static readonly HashSet<string> ShownMetrics = ["total_return", "cagr", "sharpe", "max_drawdown", "trades", "win_rate", "fees"];

    // A ratio ranked by but not shown ("profit_factor", "sortino") gets its own column, named as a trader writes it.
    private static string Heading(string metric) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(metric.Replace('_', ' '));

    /// <param name="by">The metric the rows are ranked by: a column of its own at the end when the table shows it nowhere else.</param>
    public static TablePart Ranked(string title, IReadOnlyList<ResultRow> rows, RankedMetric? by = null)
    {
        var extra = by is null || ShownMetrics.Contains(by.Name) ? null : by;
        IReadOnlyList<string> columns = extra is null ? RankedColumns : [.. RankedColumns, Heading(extra.Name)];
        return new(title, columns, [.. rows.Select((r, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            r.StrategyText,
            r.Symbol,
            Percent(r.TotalReturn),
            Percent(r.ExcessReturn ?? double.NaN),
            Percent(r.Cagr),
            Ratio(r.Sharpe),
            Percent(r.MaxDrawdown),
            r.Trades.ToString(CultureInfo.InvariantCulture),
            r.Trades == 0 ? "-" : Percent(r.WinRate),
            RupeesText.Compact(r.Fees),
            .. extra is null ? [] : new[] { Ratio(extra.Of(r) ?? double.NaN) },
        ])])
        { NumericColumns = extra is null ? RankedNumericColumns : new HashSet<int>(RankedNumericColumns) { RankedColumns.Count } };
    }

    /// <summary>One line where any row shown skipped entries (the size bought zero whole shares); null where none did.</summary>
    public static string? SkippedEntriesNote(IReadOnlyList<ResultRow> rows)
    {
        var skipping = rows.Where(r => r.SkippedEntries > 0).ToList();
        if (skipping.Count == 0)
        {
            return null;
        }

        int entries = skipping.Sum(r => r.SkippedEntries!.Value);
        string counted = string.Create(CultureInfo.InvariantCulture, $"{entries} {(entries == 1 ? "entry" : "entries")}");
        string who = rows.Count == 1 ? $"The result skipped {counted}" : string.Create(CultureInfo.InvariantCulture, $"{skipping.Count} of the {rows.Count} results shown skipped {counted} in all");
        return who + ": the size bought zero whole shares (a larger size, or fractional shares, takes them).";
    }

    /// <param name="lane">What a row's symbol names: a symbol, or in a portfolio job its positions count.</param>
    public static TablePart BestBySymbol(IReadOnlyList<ResultRow> rows, string title = "Best per symbol", string lane = "Symbol") =>
        new(title, [lane, "Strategy", "Return", "Sharpe", "Max DD"], [.. rows.Select(r => (IReadOnlyList<string>)
        [
            r.Symbol,
            r.StrategyText,
            Percent(r.TotalReturn),
            Ratio(r.Sharpe),
            Percent(r.MaxDrawdown),
        ])])
        { NumericColumns = new HashSet<int> { 2, 3, 4 } };

    // A metric that is not finite (null in the results file, e.g. a CAGR that overflowed) shows as "-", not "NaN%".
    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    public static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
