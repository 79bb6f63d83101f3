using System.Globalization;
using ClaudBot.Backtesting;

namespace ClaudBot.Node.Commands;

/// <summary>
/// A portfolio job's best setting as terminal lines (<c>submit --portfolio --wait</c>): the setting, the account beside
/// the equal-weight buy and hold of the same symbols, how invested it was, and the symbols that made and lost the most.
/// </summary>
internal static class PortfolioLines
{
    public static IEnumerable<string> Of(PortfolioView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        yield return Invariant($"Best setting: {view.Strategy} with at most {Cluster.Jobs.PortfolioJobSettings.LaneLabel(view.MaxPositions)} ({view.Size}, ranked by {view.Rank}), {view.Symbols} symbols, {view.From} to {view.To}");
        if (view.PerSymbol is { Count: > 0 } own)
        {
            yield return "strategies of their own: " + string.Join("; ", own.Select(p => $"{p.Key} {p.Value}"));
        }

        yield return Figures("portfolio", view.Portfolio);
        yield return Figures("buy & hold", view.BuyHold);
        yield return Invariant($"invested {view.MeanExposure:0.0%} of the time on average; {view.MeanPositions:0.0} positions on average, at most {view.MaxPositionsHeld}");
        var made = view.Contribution.Where(c => c.ProfitLoss > 0).OrderByDescending(c => c.ProfitLoss).Take(3).ToList();
        var lost = view.Contribution.Where(c => c.ProfitLoss < 0).OrderBy(c => c.ProfitLoss).Take(3).ToList();
        if (made.Count > 0)
        {
            yield return "made the most: " + string.Join(", ", made.Select(Share));
        }

        if (lost.Count > 0)
        {
            yield return "lost the most: " + string.Join(", ", lost.Select(Share));
        }
    }

    // portfolio   return 51.4%, CAGR 11.1%, Sharpe 0.80, max drawdown -23.8%, 16 trades, fees 19,150
    private static string Figures(string name, PortfolioFigures f) => Invariant(
        $"{name,-11} return {Percent(f.TotalReturn)}, CAGR {Percent(f.Cagr)}, Sharpe {(f.Sharpe is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")}, max drawdown {Percent(f.MaxDrawdown)}, {f.Trades} trades, fees {f.Fees:N0}");

    private static string Share(PortfolioContributionView c) => Invariant($"{c.Symbol} {c.Share:+0.0%;-0.0%}");

    private static string Percent(double? value) => value is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
