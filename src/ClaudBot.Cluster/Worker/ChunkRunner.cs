using ClaudBot.Backtesting.Market;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;
using Polly;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// Runs one chunk: loads its symbol once, runs each task with retries (a task that keeps failing is
/// recorded with its error, never dropped), and keeps each result's figures as a <see cref="StoredRow"/> (no trades,
/// no JSON: see <see cref="ChunkRows"/>). Holds only this chunk's bars and rows. A chunk whose planner's fingerprint differs from this worker's bars
/// is not run: its tasks fail with one line naming the symbol and both fingerprints.
/// </summary>
/// <remarks>Each result is set beside the market (<see cref="MarketComparer"/>): the chunk's one symbol and range run buy and hold once.</remarks>
internal sealed class ChunkRunner(IMarketData marketData, ResiliencePipeline retry, IOptions<ClusterOptions> options, TimeProvider time, MarketIndexCache? marketIndex = null, FingerprintCache? fingerprints = null)
{
    private readonly MarketIndexCache _marketIndex = marketIndex ?? new MarketIndexCache(marketData);
    private readonly FingerprintCache _fingerprints = fingerprints ?? new FingerprintCache();
    private readonly ParsedStrategies _strategies = new();
    private PortfolioChunkRunner? _portfolios;

    public async Task<ChunkOutput> RunAsync(ChunkPayload chunk, CancellationToken cancellationToken)
    {
        if (chunk.Portfolio is { } portfolio)
        {
            // A portfolio job's chunk runs every symbol of its universe together (made on a worker's first such chunk).
            _portfolios ??= new PortfolioChunkRunner(marketData, retry, options, time, _fingerprints);
            return await _portfolios.RunAsync(chunk, portfolio, cancellationToken);
        }

        BarSeries? bars = null;
        string? loadError = null;
        try
        {
            bars = await retry.ExecuteAsync(async ct => (await marketData.LoadAsync(chunk.Symbol, cancellationToken: ct)).Bars, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            loadError = $"{chunk.Symbol}: {error.Message}";
        }

        // Different bars would give quietly different numbers: the chunk is refused whole, naming both fingerprints.
        if (bars is not null && DataMismatch(bars, chunk) is { } mismatch)
        {
            return ChunkOutput.AllFailed(chunk, mismatch);
        }

        var settings = chunk.Settings();
        var comparer = new MarketComparer(await _marketIndex.GetAsync(cancellationToken), settings);
        var rows = new ChunkRows.Builder(chunk.FirstTask, chunk.Strategies.Count, comparer.IndexLabel);
        var errors = new List<string>();
        var best = new ChunkLeader();
        var backtester = new Backtester();

        // What every task of the chunk shares is worked out once: the range (or why there is none) and the parsed strategies.
        var range = bars is null ? default : ResolveRange(bars, chunk, ref loadError);
        for (int i = 0; i < chunk.Strategies.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.Value.ThrottlePerTask > TimeSpan.Zero)
            {
                await Task.Delay(options.Value.ThrottlePerTask, time, cancellationToken);
            }

            int index = chunk.FirstTask + i;
            string? error = loadError;
            StoredRow? row = null;
            if (bars is not null && error is null)
            {
                try
                {
                    row = Run(backtester, comparer, chunk.Strategies[i], bars, range, settings);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    // Retried as the pipeline says (a backtest is deterministic, so only a passing fault can clear).
                    try
                    {
                        row = await retry.ExecuteAsync(_ => ValueTask.FromResult(Run(backtester, comparer, chunk.Strategies[i], bars, range, settings)), cancellationToken);
                    }
                    catch (Exception again) when (again is not OperationCanceledException)
                    {
                        error = again.Message;
                    }
                }
            }

            if (row is { } result)
            {
                rows.Add(result);
                best.Offer(index, chunk.Strategies[i], result);
            }
            else
            {
                rows.AddFailure(error ?? "unknown error");
                errors.Add($"task {index} ({chunk.Strategies[i]} on {chunk.Symbol}): {error}");
            }
        }

        return new ChunkOutput(rows.ToArray(), best.Summary(chunk, errors.Count), chunk.Strategies.Count, errors.Count, errors);
    }

    private static BarRange ResolveRange(BarSeries bars, ChunkPayload chunk, ref string? error)
    {
        try
        {
            return BarRange.Resolve(bars, chunk.From, chunk.To);
        }
        catch (DateRangeException outside)
        {
            error = outside.Message;
            return default;
        }
    }

    /// <summary>Why this worker's bars cannot run the chunk, or null when they are the planner's (or the chunk carries no fingerprint).</summary>
    private string? DataMismatch(BarSeries bars, ChunkPayload chunk)
    {
        if (chunk.DataFingerprint is not { } planned)
        {
            return null;
        }

        string mine;
        try
        {
            mine = _fingerprints.Of(bars, chunk.From, chunk.To);
        }
        catch (DateRangeException)
        {
            // No bar in the range here: every task fails with the range's own message, which says more.
            return null;
        }

        return mine == planned ? null : Mismatch(chunk.Symbol, mine, planned);
    }

    /// <summary>The one line a chunk refused for its data fails with.</summary>
    public static string Mismatch(string symbol, string mine, string planned) =>
        $"{symbol}: this worker's data ({mine}) differs from the planner's ({planned}); run 'claudbot data push' or update the worker's data";

    private StoredRow Run(Backtester backtester, MarketComparer comparer, string strategy, BarSeries bars, BarRange range, SimulationSettings settings)
    {
        var parameters = _strategies.Get(strategy);
        var metrics = backtester.RunMetrics(parameters, bars, range, settings);
        var market = comparer.Compare(backtester, metrics, backtester.LastEquity, bars, range);
        return StoredRow.Of(metrics, market.Benchmark, bars.DateAt(range.Start), bars.DateAt(range.End), range.Count, market.ExcessReturn, market.Beta, market.Alpha);
    }
}
