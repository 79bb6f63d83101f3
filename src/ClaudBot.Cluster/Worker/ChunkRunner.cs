using System.Buffers;
using System.Text;
using System.Text.Json;
using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Market;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;
using Polly;

namespace ClaudBot.Cluster.Worker;

/// <summary>
/// Runs one chunk: loads its symbol once, runs each task with retries (a task that keeps failing is
/// recorded with its error, never dropped), and writes the results as JSON. Holds only this chunk's
/// bars; output is streamed into a pooled buffer. A chunk whose planner's fingerprint differs from this worker's bars
/// is not run: its tasks fail with one line naming the symbol and both fingerprints.
/// </summary>
/// <remarks>Each result is set beside the market (<see cref="MarketComparer"/>): the chunk's one symbol and range run buy and hold once.</remarks>
internal sealed class ChunkRunner(IMarketData marketData, ResiliencePipeline retry, IOptions<ClusterOptions> options, TimeProvider time, MarketIndexCache? marketIndex = null, FingerprintCache? fingerprints = null)
{
    private readonly MarketIndexCache _marketIndex = marketIndex ?? new MarketIndexCache(marketData);
    private readonly FingerprintCache _fingerprints = fingerprints ?? new FingerprintCache();

    public async Task<ChunkOutput> RunAsync(ChunkPayload chunk, CancellationToken cancellationToken)
    {
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

        var buffer = new ArrayBufferWriter<byte>(Math.Max(4096, chunk.Strategies.Count * 1024));
        var errors = new List<string>();
        var best = (Index: -1, Result: (BacktestResult?)null);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();

            var backtester = new Backtester();
            var settings = chunk.Settings();
            var comparer = new MarketComparer(await _marketIndex.GetAsync(cancellationToken), settings);
            for (int i = 0; i < chunk.Strategies.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (options.Value.ThrottlePerTask > TimeSpan.Zero)
                {
                    await Task.Delay(options.Value.ThrottlePerTask, time, cancellationToken);
                }

                int index = chunk.FirstTask + i;
                string? error = loadError;
                BacktestResult? result = null;
                if (bars is not null)
                {
                    try
                    {
                        result = await retry.ExecuteAsync(_ => ValueTask.FromResult(Run(backtester, comparer, chunk.Strategies[i], bars, chunk, settings)), cancellationToken);
                    }
                    catch (Exception failure) when (failure is not OperationCanceledException)
                    {
                        error = failure.Message;
                    }
                }

                if (result is not null)
                {
                    ResultJsonWriter.Write(writer, result, index, withTrades: false);
                    if (best.Result is null || result.Metrics.Sharpe.CompareTo(best.Result.Metrics.Sharpe) > 0)
                    {
                        best = (index, result);
                    }
                }
                else
                {
                    WriteFailure(writer, index, chunk, i, error ?? "unknown error");
                    errors.Add($"task {index} ({chunk.Strategies[i]} on {chunk.Symbol}): {error}");
                }
            }

            writer.WriteEndArray();
        }

        return new ChunkOutput(buffer.WrittenSpan.ToArray(), Summary(chunk, errors.Count, best.Index, best.Result), chunk.Strategies.Count, errors.Count, errors);
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

    private static BacktestResult Run(Backtester backtester, MarketComparer comparer, string strategy, BarSeries bars, ChunkPayload chunk, SimulationSettings settings)
    {
        var parameters = StrategyParser.Parse(strategy).Parameters[0];
        var range = BarRange.Resolve(bars, chunk.From, chunk.To);
        return comparer.Compare(backtester, backtester.Run(parameters, bars, range, settings), bars);
    }

    private static void WriteFailure(Utf8JsonWriter writer, int index, ChunkPayload chunk, int position, string error)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", index);
        writer.WriteString("strategy", chunk.Strategies[position]);
        writer.WriteString("symbol", chunk.Symbol);
        writer.WriteString("error", error);
        writer.WriteEndObject();
    }

    private static string Summary(ChunkPayload chunk, int failed, int bestIndex, BacktestResult? best)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("symbol", chunk.Symbol);
            writer.WriteNumber("tasks", chunk.Strategies.Count);
            writer.WriteNumber("failed", failed);
            if (best is not null)
            {
                writer.WriteStartObject("best");
                writer.WriteNumber("index", bestIndex);
                writer.WriteString("strategy", best.Strategy.ToString());
                writer.WriteString("symbol", best.Symbol);
                ResultJsonWriter.WriteMetrics(writer, best.Metrics);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
