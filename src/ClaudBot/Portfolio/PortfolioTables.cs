using System.Globalization;
using ClaudBot.Engine.Portfolio;
using Spectre.Console;

namespace ClaudBot.Portfolio;

/// <summary>A portfolio backtest as terminal tables: the account beside the equal-weight buy and hold, and who made the money.</summary>
internal static class PortfolioTables
{
    public static Table Summary(PortfolioResult result)
    {
        var table = new Table().Title("Portfolio vs equal-weight buy and hold").AddColumns("", "Return", "CAGR", "Sharpe", "Max DD", "Trades", "Fees", "Turnover", "Exposure", "Positions");
        foreach (int column in Enumerable.Range(1, 9))
        {
            table.Columns[column].RightAligned();
        }

        var metrics = result.Metrics;
        table.AddRow(
            "portfolio", Percent(metrics.Backtest.TotalReturn), Percent(metrics.Backtest.Cagr), Ratio(metrics.Backtest.Sharpe), Percent(metrics.Backtest.MaxDrawdown),
            metrics.Backtest.Trades.ToString(CultureInfo.InvariantCulture), Rupees(metrics.Backtest.Fees), Ratio(metrics.Backtest.Turnover), Percent(metrics.MeanExposure),
            string.Create(CultureInfo.InvariantCulture, $"{metrics.MeanPositions:0.0} (max {metrics.MaxPositionsHeld})"));
        var hold = result.Benchmark.Metrics;
        table.AddRow("buy & hold", Percent(hold.TotalReturn), Percent(hold.Cagr), Ratio(hold.Sharpe), Percent(hold.MaxDrawdown), "-", Rupees(hold.Fees), "-", "-", "-");
        return table;
    }

    /// <summary>Each symbol's profit and loss (open trades marked), largest first; symbols that never traded are left out.</summary>
    public static Table Contribution(PortfolioResult result)
    {
        var table = new Table().Title("Contribution by symbol").AddColumns("Symbol", "P&L", "of capital", "Trades");
        foreach (int column in Enumerable.Range(1, 3))
        {
            table.Columns[column].RightAligned();
        }

        foreach (var symbol in result.Contribution.Where(c => c.Trades > 0).OrderByDescending(c => c.ProfitLoss))
        {
            table.AddRow(Markup.Escape(symbol.Symbol), Rupees(symbol.ProfitLoss), Percent(symbol.Share), symbol.Trades.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string Percent(double fraction) => double.IsFinite(fraction) ? (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Rupees(double value) => Markup.Escape(Backtesting.Execution.RupeesText.Compact(value));
}
