using ClaudBot.Engine.Data;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.MarketData;

namespace ClaudBot.Backtesting;

/// <summary>
/// The checks every way of asking for backtests shares (the CLI, the cluster's planner, the bot),
/// in the order a user fixes them: the period, the cost, the strategies (with the request's exits) and their grid, the symbols.
/// Throws the specific input error (<see cref="DateRangeException"/>, <see cref="ArgumentOutOfRangeException"/>,
/// <see cref="Engine.Strategies.StrategySpecException"/>, <see cref="MarketDataException"/>) on the first problem.
/// </summary>
public static class RequestPreparation
{
    /// <param name="maxTasks">Most backtests (parameter sets x symbols) allowed; null takes <see cref="BacktestOptions.MaxTasks"/>.</param>
    /// <exception cref="RequestTooLargeException">More backtests than <paramref name="maxTasks"/>, found before any symbol is looked up.</exception>
    /// <param name="saved">Rules saved under a name: a strategy text that is one runs that rule.</param>
    public static PreparedRequest Prepare(IMarketData marketData, BacktestOptions options, string strategies, IReadOnlyList<string> symbols, DateOnly from, DateOnly to, double? costBps, double? initialCapital = null, int? maxTasks = null, ISavedRules? saved = null, Execution.ExecutionChoice? execution = null)
    {
        ArgumentNullException.ThrowIfNull(marketData);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(symbols);
        if (from > to)
        {
            throw new DateRangeException($"The range {from:yyyy-MM-dd} to {to:yyyy-MM-dd} is inverted: 'from' must not be after 'to'.");
        }

        var settings = Execution.ExecutionSettings.Build(options, Costs.CostModels.From(options), execution, costBps, initialCapital);
        strategies = RequestExits.Apply(strategies, execution?.Exits ?? default, saved);
        var selection = StrategyParser.Parse(strategies, options.MaxCombinations, saved);
        if (symbols.Count == 0)
        {
            throw new InvalidSymbolException(string.Empty);
        }

        // Counted before any symbol is looked up, so 10,000 symbols are refused at once, not resolved first.
        int distinct = symbols.Distinct(StringComparer.OrdinalIgnoreCase).Count();
        CheckSize(selection.Parameters.Count, distinct, maxTasks ?? options.MaxTasks);

        var resolved = marketData.ResolveAll(symbols);
        CheckSize(selection.Parameters.Count, resolved.Count, maxTasks ?? options.MaxTasks);
        var notes = new List<string>(selection.Notes);
        notes.AddRange(resolved.Where(s => s.Note is not null).Select(s => s.Note!));
        return new PreparedRequest(selection, resolved, settings, notes) { Strategies = strategies };
    }

    private static void CheckSize(int parameterSets, int symbols, int maxTasks)
    {
        long tasks = (long)parameterSets * symbols;
        if (tasks > maxTasks)
        {
            throw new RequestTooLargeException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"The request has {tasks:N0} backtests ({parameterSets:N0} parameter sets x {symbols:N0} symbols); the limit is {maxTasks:N0} ({BacktestOptions.MaxTasksSetting})."));
        }
    }

    /// <summary>
    /// One note per distinct clipping, naming the symbols it applies to:
    /// <c>RELIANCE, TCS: data covers 2021-01-27 to 2026-01-23, so ran 2021-01-27 to 2024-12-31 (asked 2020-01-01 to 2024-12-31).</c>
    /// </summary>
    public static IEnumerable<string> ClippingNotes(IEnumerable<(BarSeries Bars, BarRange Range)> ranges) =>
        ranges.Where(r => r.Range.IsClipped)
            .GroupBy(r => $"data covers {r.Bars.FirstDate:yyyy-MM-dd} to {r.Bars.LastDate:yyyy-MM-dd}, so ran {r.Range.From:yyyy-MM-dd} to {r.Range.To:yyyy-MM-dd} (asked {r.Range.RequestedFrom:yyyy-MM-dd} to {r.Range.RequestedTo:yyyy-MM-dd})")
            .Select(g => $"{string.Join(", ", g.Select(r => r.Bars.Symbol))}: {g.Key}.");
}
