using System.Globalization;
using ClaudBot.Cluster.Results;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Bot.Results;

/// <summary>
/// The one line under the ranked table of a job that compared strategies ("which strategy works best", "compare rsi and
/// bollinger"): per symbol, the best by Sharpe (the one ranking rule, as the table) and its return beside buy and hold's.
/// A job of one strategy's grid gets none: its table already says it.
/// </summary>
public static class Verdict
{
    /// <summary>Symbols named before the rest are counted.</summary>
    public const int SymbolsNamed = 5;

    public static string? Of(ResultsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.BestBySymbol.Count == 0 || StrategiesCompared(summary.Spec.Strategies) < 2)
        {
            return null;
        }

        var named = summary.BestBySymbol.Take(SymbolsNamed).Select(Line).ToList();
        int rest = summary.BestBySymbol.Count - named.Count;
        string more = rest > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {rest} more symbol{(rest == 1 ? string.Empty : "s")} in the table above") : string.Empty;
        return "Verdict (best Sharpe per symbol): " + string.Join("; ", named) + more + ".";
    }

    private static string Line(ResultRow best)
    {
        string versus = best.BenchmarkReturn is { } hold && best.Strategy != StrategyCatalog.BuyHold.Name
            ? string.Create(CultureInfo.InvariantCulture, $" against buy and hold's {hold:0.0%}")
            : string.Empty;
        string who = best.Strategy == StrategyCatalog.BuyHold.Name ? "buy and hold itself: no strategy beat it" : best.StrategyText;
        string sharpe = double.IsFinite(best.Sharpe) ? best.Sharpe.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
        return string.Create(CultureInfo.InvariantCulture, $"{best.Symbol}: {who} (Sharpe {sharpe}, return {best.TotalReturn:0.0%}{versus})");
    }

    // Distinct strategies in the request (a grid of one strategy is one); a spec that no longer parses compares nothing.
    private static int StrategiesCompared(string strategies)
    {
        try
        {
            return StrategyParser.Parse(strategies).Parameters.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count();
        }
        catch (StrategySpecException)
        {
            return 0;
        }
    }
}
