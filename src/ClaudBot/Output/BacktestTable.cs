using System.Globalization;
using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Execution;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ClaudBot.Output;

/// <summary>
/// The human form of a backtest report: one row per strategy and symbol in request order. Strategies
/// show only parameters that differ from their defaults, and a period shared by every row moves to
/// the caption, to keep the table narrow (about 107 columns; Spectre wraps the strategy text on a narrower terminal).
/// Beside each strategy: buy and hold of the same symbol with the same settings (<c>B&amp;H</c>) and the strategy's
/// return over it (<c>vs B&amp;H</c>). Last, the charges paid in rupees, compact (<c>13.4k</c>, seven columns with its
/// borders): the alternatives were worse (dropping a figure, or fees in the caption, which cannot say which row paid what).
/// </summary>
internal static class BacktestTable
{
    public static IRenderable Render(BacktestReport report)
    {
        var periods = report.Results.Select(r => (r.Range.From, r.Range.To)).Distinct().ToList();
        bool onePeriod = periods.Count == 1;
        var table = new Table().RoundedBorder()
            .Title($"Backtest [grey]· {Markup.Escape(Costs(report))} · capital {report.InitialCapital.ToString("N0", CultureInfo.InvariantCulture)}[/]")
            .AddColumn("Strategy")
            .AddColumn("Symbol");
        if (onePeriod)
        {
            var (from, to) = periods[0];
            table.Caption($"[grey]{from:yyyy-MM-dd} to {to:yyyy-MM-dd}, {report.Results[0].Range.Count} bars{Fills(report, "\n")}[/]");
        }
        else
        {
            table.AddColumn("Period");
            if (report.Settings is not null)
            {
                table.Caption($"[grey]{Fills(report, string.Empty)}[/]");
            }
        }

        foreach (string heading in (string[])["Return", "B&H", "vs B&H", "CAGR", "Sharpe", "Max DD", "Trades", "Win", "Fees"])
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var result in report.Results)
        {
            var m = result.Metrics;
            var cells = new List<string> { Markup.Escape(result.Strategy.ToShortString()), Markup.Escape(result.Symbol) };
            if (!onePeriod)
            {
                cells.Add($"{result.Range.From:yyyy-MM-dd}..{result.Range.To:yyyy-MM-dd}");
            }

            cells.AddRange(
            [
                Signed(m.TotalReturn),
                result.Market is { } market ? Percent(market.Benchmark.TotalReturn) : "-",
                result.Market is { } excess ? Signed(excess.ExcessReturn) : "-",
                Signed(m.Cagr),
                m.Sharpe.ToString("0.00", CultureInfo.InvariantCulture),
                Percent(m.MaxDrawdown),
                m.Trades.ToString(CultureInfo.InvariantCulture),
                m.Trades == 0 ? "-" : Percent(m.WinRate),
                RupeesText.Compact(m.Fees),
            ]);
            table.AddRow([.. cells]);
        }

        return table;
    }

    private static string Signed(double fraction)
    {
        string text = Percent(fraction);
        return fraction > 0 ? $"[green]{text}[/]" : fraction < 0 ? $"[red]{text}[/]" : text;
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    // A report built by hand has no settings: its cost in basis points is all it knows. The model goes in the title; how
    // fills were made (slippage, size, whole shares) in the caption, so neither wraps at 80 columns.
    private static string Costs(BacktestReport report) =>
        report.Settings is { } settings ? ExecutionSettings.CostsName(settings) : $"bps:{Number(report.CostBps)}";

    private static string Fills(BacktestReport report, string separator) =>
        report.Settings is { } settings ? separator + Markup.Escape(ExecutionText.Fills(settings)) : string.Empty;

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
