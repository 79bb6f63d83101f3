using ClaudBot.Engine;
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
public sealed class BacktestService(IMarketData marketData, IOptions<BacktestOptions> options)
{
    public async Task<BacktestReport> RunAsync(BacktestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = RequestPreparation.Prepare(marketData, options.Value, request.Strategies, request.Symbols, request.From, request.To, request.CostBps, request.InitialCapital);
        var parameters = prepared.Selection.Parameters;
        var notes = new List<string>(prepared.Notes);
        var backtester = new Backtester();
        var bySymbol = new List<BacktestResult>[prepared.Symbols.Count];
        var ranges = new List<(BarSeries, BarRange)>();
        for (int s = 0; s < prepared.Symbols.Count; s++)
        {
            var loaded = await marketData.LoadAsync(prepared.Symbols[s].Symbol, request.Lenient, cancellationToken);
            notes.AddRange(loaded.Warnings);
            var range = BarRange.Resolve(loaded.Bars, request.From, request.To);
            ranges.Add((loaded.Bars, range));
            bySymbol[s] = [.. parameters.Select(p => backtester.Run(p, loaded.Bars, range, prepared.Settings, request.IncludeEquity))];
        }

        notes.AddRange(RequestPreparation.ClippingNotes(ranges));
        var results = new List<BacktestResult>(parameters.Count * prepared.Symbols.Count);
        for (int p = 0; p < parameters.Count; p++)
        {
            results.AddRange(bySymbol.Select(list => list[p]));
        }

        return new BacktestReport(results, notes, prepared.Settings.CostBps, prepared.Settings.InitialCapital);
    }

    /// <summary>
    /// The daily equity of one strategy (one parameter set) on one symbol, with its dates: what charts draw.
    /// Results files keep metrics and trades only, so a chart runs its few curves again (microseconds each).
    /// </summary>
    /// <param name="initialCapital">The capital the result was run with (a job's spec records it); null takes the configured one.</param>
    public async Task<EquityCurve> EquityAsync(string strategy, string symbol, DateOnly from, DateOnly to, double? costBps, double? initialCapital, CancellationToken cancellationToken)
    {
        var report = await RunAsync(new BacktestRequest(strategy, [symbol], from, to) { CostBps = costBps, InitialCapital = initialCapital, IncludeEquity = true }, cancellationToken).ConfigureAwait(false);
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
