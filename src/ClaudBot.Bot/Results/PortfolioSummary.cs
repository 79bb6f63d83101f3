using System.Globalization;
using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Bot.Replies;
using ClaudBot.Charts;

namespace ClaudBot.Bot.Results;

/// <summary>
/// A portfolio backtest as a chat reply: the account beside the equal-weight buy and hold of the same symbols, how
/// invested it was, who made the money (the best five symbols and the worst three), and the chart of both curves.
/// </summary>
public static class PortfolioSummary
{
    public static Reply Of(PortfolioView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        string verdict = (view.Portfolio.TotalReturn ?? double.NaN) >= (view.BuyHold.TotalReturn ?? double.NaN) ? "beat" : "trailed";
        var parts = new List<ReplyPart>
        {
            new TextPart(string.Create(CultureInfo.InvariantCulture, $"Portfolio of {view.Strategy} on {view.Symbols} symbols, at most {Cluster.Jobs.PortfolioJobSettings.LaneLabel(view.MaxPositions)} ({view.Size}, ranked by {view.Rank}), {view.From} to {view.To}: return {Percent(view.Portfolio.TotalReturn)} {verdict} the equal-weight buy and hold's {Percent(view.BuyHold.TotalReturn)}."), ReplyTone.Success),
            new TablePart("Portfolio vs equal-weight buy and hold", ["", "Return", "CAGR", "Sharpe", "Max DD", "Trades", "Fees", "Turnover"], [Row("portfolio", view.Portfolio), Row("buy & hold", view.BuyHold)])
            {
                NumericColumns = new HashSet<int> { 1, 2, 3, 4, 5, 6, 7 },
            },
            new TextPart(string.Create(CultureInfo.InvariantCulture, $"Invested {view.MeanExposure * 100:0.0}% of the time on average; {view.MeanPositions:0.0} positions held on average, at most {view.MaxPositionsHeld}.")),
        };
        if (view.PerSymbol is { Count: > 0 } own)
        {
            parts.Add(new TextPart($"Strategies of their own: {string.Join("; ", own.Select(p => $"{p.Key} ran {p.Value}"))}."));
        }

        var traded = view.Contribution.Where(c => c.Trades > 0).OrderByDescending(c => c.ProfitLoss).ToList();
        if (traded.Count > 0)
        {
            var shown = traded.Count <= 8 ? traded : [.. traded.Take(5), .. traded.TakeLast(3)];
            parts.Add(new TablePart(traded.Count <= 8 ? "Contribution by symbol" : "Contribution: the best five symbols and the worst three", ["Symbol", "P&L", "of capital", "Trades"], [.. shown.Select(c => (IReadOnlyList<string>)
            [
                c.Symbol,
                RupeesText.Compact(c.ProfitLoss),
                Percent(c.Share),
                c.Trades.ToString(CultureInfo.InvariantCulture),
            ])])
            {
                NumericColumns = new HashSet<int> { 1, 2, 3 },
            });
        }

        parts.AddRange(view.Notes.Select(note => new TextPart(note, ReplyTone.Warning)));
        parts.Add(new ImagePart($"portfolio_{view.Symbols}x{view.MaxPositions}_{view.From}_{view.To}.png", Chart(view), $"Portfolio of {view.Strategy} on {view.Symbols} symbols against their equal-weight buy and hold"));
        return new Reply(parts);
    }

    public static byte[] Chart(PortfolioView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var dates = view.Dates.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        return EquityChart.RenderPng(new EquityChartRequest(
            string.Create(CultureInfo.InvariantCulture, $"Portfolio: {view.Strategy}, {view.Symbols} symbols, at most {Cluster.Jobs.PortfolioJobSettings.LaneLabel(view.MaxPositions)}"),
            [new EquitySeries("portfolio", dates, view.Equity), new EquitySeries("equal-weight buy & hold", dates, view.BuyHoldEquity) { IsBenchmark = true }]));
    }

    private static IReadOnlyList<string> Row(string name, PortfolioFigures f) =>
    [
        name,
        Percent(f.TotalReturn),
        Percent(f.Cagr),
        f.Sharpe is { } sharpe ? ResultTables.Ratio(sharpe) : "-",
        Percent(f.MaxDrawdown),
        name == "portfolio" ? f.Trades.ToString(CultureInfo.InvariantCulture) : "-",
        RupeesText.Compact(f.Fees),
        name == "portfolio" ? ResultTables.Ratio(f.Turnover) : "-",
    ];

    private static string Percent(double? fraction) => fraction is { } f ? ResultTables.Percent(f) : "-";
}
