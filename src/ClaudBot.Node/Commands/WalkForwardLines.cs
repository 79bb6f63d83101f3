using System.Globalization;
using ClaudBot.Cluster.WalkForward;
using ClaudBot.Engine.Simulation;

namespace ClaudBot.Node.Commands;

/// <summary>
/// A walk-forward report as terminal lines (<c>submit --walkforward --wait</c>): the settings, then a line per symbol
/// (the stitched out-of-sample curve against the defaults and buy and hold), then a line per symbol and window (its
/// out-of-sample bars, the pick or why none, the pick's in-sample CAGR and the segment's).
/// </summary>
internal static class WalkForwardLines
{
    private const string None = "n/a";

    public static IEnumerable<string> Of(WalkForwardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        yield return Invariant($"Walk-forward: {report.Settings.Describe()}; {report.Windows.Count} window{(report.Windows.Count == 1 ? string.Empty : "s")}; median efficiency {Ratio(report.MedianEfficiency)}");
        int width = report.Symbols.Max(s => s.Symbol.Length);
        foreach (var symbol in report.Symbols)
        {
            yield return Symbol(symbol, width);
        }

        foreach (var symbol in report.Symbols)
        {
            foreach (var window in symbol.Windows)
            {
                yield return Window(symbol.Symbol, width, window);
            }
        }
    }

    // TCS  out-of-sample CAGR 12.3%, Sharpe 0.85, max drawdown -10.2%, 23 trades; defaults CAGR 5.1%; buy and hold CAGR 8.0%; efficiency 0.45; 2 distinct picks
    public static string Symbol(SymbolWalkForward symbol, int width)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var stitched = symbol.Stitched.Metrics;
        return Invariant(
            $"{symbol.Symbol.PadRight(width)}  out-of-sample CAGR {Percent(stitched.Cagr)}, Sharpe {stitched.Sharpe:0.00}, max drawdown {Percent(stitched.MaxDrawdown)}, {stitched.Trades} trade{(stitched.Trades == 1 ? string.Empty : "s")}; ") + Invariant(
            $"defaults CAGR {Percent(symbol.Defaults?.Metrics.Cagr)}; buy and hold CAGR {Percent(symbol.BuyHold.Metrics.Cagr)}; efficiency {Ratio(symbol.Efficiency)}; {symbol.DistinctPicks} distinct pick{(symbol.DistinctPicks == 1 ? string.Empty : "s")}");
    }

    // TCS  window 1  2023-01-02..2023-06-30  rsi(period=10, lower=25)  in-sample CAGR 15.2%  out-of-sample CAGR 3.1%
    public static string Window(string symbol, int width, WindowOutcome window)
    {
        ArgumentNullException.ThrowIfNull(window);
        string pick = window.Parameters ?? window.Note ?? "no pick";
        return Invariant(
            $"{symbol.PadRight(width)}  window {window.Index + 1}  {window.OutFirst:yyyy-MM-dd}..{window.OutLast:yyyy-MM-dd}  {pick}  in-sample CAGR {CagrOf(window.InSample)}  out-of-sample CAGR {CagrOf(window.OutOfSample)}");
    }

    // None for a window without a pick (no in-sample figures) or whose segment did not run.
    private static string CagrOf(BacktestMetrics? metrics) => Percent(metrics?.Cagr);

    private static string Percent(double? fraction) => fraction is { } value && double.IsFinite(value) ? Invariant($"{value:0.0%}") : None;

    private static string Ratio(double? ratio) => ratio is { } value && double.IsFinite(value) ? Invariant($"{value:0.00}") : None;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
