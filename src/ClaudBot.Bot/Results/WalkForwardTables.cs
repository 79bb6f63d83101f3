using System.Globalization;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.WalkForward;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Bot.Results;

/// <summary>
/// A walk-forward report as chat tables and lines (docs/walk-forward.md): the stitched out-of-sample figures per symbol
/// beside the defaults' and buy and hold's, each symbol's windows with their picks, and whether the picks held still.
/// Percentages and ratios as the ranked table writes them (<see cref="ResultTables"/>).
/// </summary>
internal static class WalkForwardTables
{
    public static TablePart Symbols(WalkForwardReport report) =>
        new("Out-of-sample, stitched (beside the defaults and buy and hold)", ["Symbol", "CAGR", "Sharpe", "Max DD", "Trades", "Defaults CAGR", "B&H CAGR", "Efficiency", "Picks"], [.. report.Symbols.Select(s => (IReadOnlyList<string>)
        [
            s.Symbol,
            ResultTables.Percent(s.Stitched.Metrics.Cagr),
            ResultTables.Ratio(s.Stitched.Metrics.Sharpe),
            ResultTables.Percent(s.Stitched.Metrics.MaxDrawdown),
            s.Stitched.Metrics.Trades.ToString(CultureInfo.InvariantCulture),
            s.Defaults is { } defaults ? ResultTables.Percent(defaults.Metrics.Cagr) : "-",
            ResultTables.Percent(s.BuyHold.Metrics.Cagr),
            Optional(s.Efficiency),
            string.Create(CultureInfo.InvariantCulture, $"{s.DistinctPicks} of {s.Windows.Count}"),
        ])])
        { NumericColumns = new HashSet<int> { 1, 2, 3, 4, 5, 6, 7, 8 } };

    public static TablePart Windows(SymbolWalkForward symbol) =>
        new($"{symbol.Symbol}: each window's pick", ["#", "Out-of-sample", "Pick", "IS CAGR", "OOS CAGR", "Efficiency"], [.. symbol.Windows.Select(w => (IReadOnlyList<string>)
        [
            (w.Index + 1).ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{w.OutFirst:yyyy-MM-dd} to {w.OutLast:yyyy-MM-dd}"),
            w.Parameters ?? "none: held in cash",
            Percent(w.InSample),
            Percent(w.OutOfSample),
            Optional(w.Efficiency),
        ])])
        { NumericColumns = new HashSet<int> { 0, 3, 4, 5 } };

    /// <summary>One line per symbol a trader reads first: did the walk-forward beat buy and hold, and did the picks hold still.</summary>
    public static string Verdict(SymbolWalkForward symbol)
    {
        var stitched = symbol.Stitched.Metrics.Cagr;
        var hold = symbol.BuyHold.Metrics.Cagr;
        string against = stitched >= hold ? "beat" : "trailed";
        string picks = symbol.DistinctPicks switch
        {
            0 => "no window had a pick",
            1 => "the same parameters won every window (stable)",
            var n => string.Create(CultureInfo.InvariantCulture, $"the pick changed: {n} different parameter sets in {symbol.Windows.Count} windows"),
        };
        return $"{symbol.Symbol}: out-of-sample CAGR {ResultTables.Percent(stitched)} {against} buy and hold's {ResultTables.Percent(hold)}; {picks}.";
    }

    /// <summary>Why windows had no pick, once per reason.</summary>
    public static IEnumerable<string> Notes(SymbolWalkForward symbol) =>
        symbol.Windows.Where(w => w.Note is not null).GroupBy(w => w.Note!)
            .Select(g => $"{symbol.Symbol}, window{(g.Count() == 1 ? string.Empty : "s")} {string.Join(", ", g.Select(w => w.Index + 1))}: {g.Key}.");

    private static string Percent(BacktestMetrics? metrics) => metrics is { } m ? ResultTables.Percent(m.Cagr) : "-";

    private static string Optional(double? ratio) => ratio is { } r ? ResultTables.Ratio(r) : "-";
}
