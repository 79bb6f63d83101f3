using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results.Store;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Portfolio;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;
using Polly;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// Runs a portfolio job's chunk: loads every symbol of the universe once, checks each against the planner's fingerprint,
/// and runs each task's parameter set as one portfolio (docs/portfolio.md) with the lane's positions. A task's row holds
/// the portfolio's metrics and, as its benchmark, the equal-weight buy and hold of the same symbols; its bars are the
/// calendar's days. Excess return is over that benchmark; beta and alpha are not defined for a portfolio (NaN).
/// </summary>
internal sealed class PortfolioChunkRunner(IMarketData marketData, ResiliencePipeline retry, IOptions<ClusterOptions> options, TimeProvider time, FingerprintCache fingerprints)
{
    private readonly ParsedStrategies _strategies = new();

    public async Task<ChunkOutput> RunAsync(ChunkPayload chunk, PortfolioChunk portfolio, CancellationToken cancellationToken)
    {
        var bars = new List<BarSeries>(portfolio.Symbols.Count);
        for (int s = 0; s < portfolio.Symbols.Count; s++)
        {
            string symbol = portfolio.Symbols[s];
            try
            {
                bars.Add(await retry.ExecuteAsync(async ct => (await marketData.LoadAsync(symbol, cancellationToken: ct)).Bars, cancellationToken));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return ChunkOutput.AllFailed(chunk, $"{symbol}: {error.Message}");
            }

            // Different bars would give quietly different numbers: the chunk is refused whole, naming the symbol.
            if (DataMismatch(bars[s], chunk, portfolio.Fingerprints[s]) is { } mismatch)
            {
                return ChunkOutput.AllFailed(chunk, mismatch);
            }
        }

        var rows = new ChunkRows.Builder(chunk.FirstTask, chunk.Strategies.Count, marketIndex: null);
        var errors = new List<string>();
        var best = new ChunkLeader();
        var execution = chunk.Settings();
        var rank = PortfolioRanking.Parse(portfolio.Rank);
        var size = PortfolioSizing.Parse(portfolio.Size);
        var own = (portfolio.PerSymbol ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => _strategies.Get(p.Value), StringComparer.Ordinal);
        for (int i = 0; i < chunk.Strategies.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.Value.ThrottlePerTask > TimeSpan.Zero)
            {
                await Task.Delay(options.Value.ThrottlePerTask, time, cancellationToken);
            }

            int index = chunk.FirstTask + i;
            try
            {
                // Deterministic: a failure here is the settings' (a one-line PortfolioException), so it is not retried.
                var parameters = _strategies.Get(chunk.Strategies[i]);
                var settings = new PortfolioSettings(bars, chunk.From, chunk.To, parameters, portfolio.MaxPositions) { PerSymbol = own, Rank = rank, Size = size, Execution = execution, Exits = parameters.Exits };
                var row = Row(PortfolioSimulator.Run(settings));
                rows.Add(row);
                best.Offer(index, chunk.Strategies[i], row);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                rows.AddFailure(failure.Message);
                errors.Add($"task {index} ({chunk.Strategies[i]} as a portfolio with {chunk.Symbol}): {failure.Message}");
            }
        }

        return new ChunkOutput(rows.ToArray(), best.Summary(chunk, errors.Count), chunk.Strategies.Count, errors.Count, errors);
    }

    /// <summary>A portfolio's figures in a result row: beside its equal-weight buy and hold, over the calendar's days.</summary>
    public static StoredRow Row(PortfolioResult result)
    {
        var metrics = result.Metrics.Backtest;
        var benchmark = result.Benchmark.Metrics;
        return StoredRow.Of(metrics, benchmark, result.From, result.To, result.Days.Count, metrics.TotalReturn - benchmark.TotalReturn, beta: null, alpha: null);
    }

    private string? DataMismatch(BarSeries bars, ChunkPayload chunk, string planned)
    {
        if (planned.Length == 0)
        {
            return null;
        }

        string mine;
        try
        {
            mine = fingerprints.Of(bars, chunk.From, chunk.To);
        }
        catch (DateRangeException outside)
        {
            return outside.Message;
        }

        return mine == planned ? null : ChunkRunner.Mismatch(bars.Symbol, mine, planned);
    }
}
