using ClaudBot.Backtesting.Market;
using ClaudBot.Engine.Data;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;

namespace ClaudBot.Backtesting;

/// <summary>
/// Validates a request completely (see <see cref="RequestPreparation"/>) before running anything, then
/// loads each symbol once and runs every strategy on it.
/// </summary>
/// <remarks>
/// Errors are the user's to fix and say how: <see cref="Engine.Strategies.StrategySpecException"/>,
/// <see cref="MarketDataException"/> and its kinds, <see cref="DateRangeException"/>, and
/// <see cref="ArgumentOutOfRangeException"/> for a cost out of range, <see cref="RequestTooLargeException"/> past the cluster's task cap.
/// </remarks>
/// <param name="saved">Rules saved under a name, runnable by that name (none where the host keeps none).</param>
/// <param name="marketIndex">The market beside each result (shared with the node's workers); null builds one for this service.</param>
public sealed class BacktestService(
    IMarketData marketData, IOptions<BacktestOptions> options, Engine.Strategies.ISavedRules? saved = null, MarketIndexCache? marketIndex = null)
{
    private readonly MarketIndexCache _marketIndex = marketIndex ?? new MarketIndexCache(marketData);

    /// <summary>Runs the request and keeps every result: for requests small enough to hold (charts, the bot, tests).</summary>
    public async Task<BacktestReport> RunAsync(BacktestRequest request, CancellationToken cancellationToken)
    {
        var run = await StartAsync(request, cancellationToken).ConfigureAwait(false);
        return new BacktestReport([.. run.Results(cancellationToken)], run.Notes, run.CostBps, run.InitialCapital) { Settings = run.Settings };
    }

    /// <summary>
    /// Checks the request and loads its data; the backtests run as the returned run's results are enumerated, so a caller
    /// that lets each result go runs the largest grid in bounded memory.
    /// </summary>
    public async Task<BacktestRun> StartAsync(BacktestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = RequestPreparation.Prepare(marketData, options.Value, request.Strategies, request.Symbols, request.From, request.To, request.CostBps, request.InitialCapital, saved: saved, execution: request.Execution);
        var notes = new List<string>(prepared.Notes);
        var series = new List<(BarSeries, BarRange)>(prepared.Symbols.Count);
        foreach (var symbol in prepared.Symbols)
        {
            var loaded = await marketData.LoadAsync(symbol.Symbol, request.Lenient, cancellationToken).ConfigureAwait(false);
            notes.AddRange(loaded.Warnings);
            series.Add((loaded.Bars, BarRange.Resolve(loaded.Bars, request.From, request.To)));
        }

        notes.AddRange(RequestPreparation.ClippingNotes(series));
        var index = await _marketIndex.GetAsync(cancellationToken).ConfigureAwait(false);
        return new BacktestRun(prepared.Selection.Parameters, series, prepared.Settings, request.IncludeEquity, notes, index);
    }

    /// <summary>
    /// The daily equity of one strategy (one parameter set) on one symbol, with its dates: what charts draw.
    /// A cluster job's results files keep metrics only, so a chart runs its few curves again (microseconds each).
    /// </summary>
    /// <param name="initialCapital">The capital the result was run with (a job's spec records it); null takes the configured one.</param>
    public async Task<EquityCurve> EquityAsync(string strategy, string symbol, DateOnly from, DateOnly to, double? costBps, double? initialCapital, Execution.ExecutionChoice? execution, CancellationToken cancellationToken)
    {
        var report = await RunAsync(new BacktestRequest(strategy, [symbol], from, to) { CostBps = execution?.Costs is null ? costBps : null, InitialCapital = initialCapital, IncludeEquity = true, Execution = execution }, cancellationToken).ConfigureAwait(false);
        if (report.Results.Count != 1)
        {
            throw new Engine.Strategies.StrategySpecException($"'{strategy}' is {report.Results.Count} strategies; give one parameter set for an equity curve.");
        }

        var result = report.Results[0];
        var bars = (await marketData.LoadAsync(result.Symbol, cancellationToken: cancellationToken).ConfigureAwait(false)).Bars;
        var dates = new DateOnly[result.Range.Count];
        for (int i = 0; i < dates.Length; i++)
        {
            dates[i] = bars.DateAt(result.Range.Start + i);
        }

        return new EquityCurve(result.Strategy.ToString(), result.Symbol, dates, result.Equity!, result.Trades);
    }
}
