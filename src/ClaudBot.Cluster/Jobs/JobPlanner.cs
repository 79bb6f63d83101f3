using ClaudBot.Backtesting;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// Validates a job completely before anything is queued (strategies, grid size, symbols, dates, cost,
/// data coverage) and expands it into tasks grouped in chunks: one symbol per chunk, at most
/// <see cref="ClusterOptions.ChunkSize"/> tasks each.
/// </summary>
public sealed class JobPlanner(IMarketData marketData, IOptions<ClusterOptions> cluster, IOptions<BacktestOptions> backtest, TimeProvider time)
{
    public async Task<JobPlan> PlanAsync(JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.From > request.To)
        {
            throw new DateRangeException($"The range {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd} is inverted: 'from' must not be after 'to'.");
        }

        var settings = new SimulationSettings(request.CostBps ?? backtest.Value.CostBps, backtest.Value.InitialCapital);
        settings.Validate();
        var selection = StrategyParser.Parse(request.Strategies, backtest.Value.MaxCombinations);
        if (request.Symbols.Count == 0)
        {
            throw new InvalidSymbolException(string.Empty);
        }

        var symbols = marketData.ResolveAll(request.Symbols);
        long taskCount = (long)selection.Parameters.Count * symbols.Count;
        int maxTasks = cluster.Value.MaxTasks;
        if (taskCount > maxTasks)
        {
            throw new JobTooLargeException($"The job has {taskCount:N0} backtests ({selection.Parameters.Count:N0} parameter sets x {symbols.Count} symbols); the limit is {maxTasks:N0} (Cluster:MaxTasks).");
        }

        var notes = new List<string>(selection.Notes);
        notes.AddRange(symbols.Where(s => s.Note is not null).Select(s => s.Note!));
        foreach (var symbol in symbols)
        {
            // Catches a period with no data now, with a clear error, instead of as failed tasks later.
            var loaded = await marketData.LoadAsync(symbol.Symbol, cancellationToken: cancellationToken);
            var range = BarRange.Resolve(loaded.Bars, request.From, request.To);
            if (range.IsClipped)
            {
                notes.Add($"{symbol.Symbol}: data covers {loaded.Bars.FirstDate:yyyy-MM-dd} to {loaded.Bars.LastDate:yyyy-MM-dd}, so ran {range.From:yyyy-MM-dd} to {range.To:yyyy-MM-dd}.");
            }
        }

        var spec = new JobSpec(request.Strategies, [.. symbols.Select(s => s.Symbol)], request.From, request.To, settings.CostBps, request.SubmittedBy, time.GetUtcNow());
        var strategies = selection.Parameters.Select(p => p.ToString()).ToArray();
        return new JobPlan(spec, Chunk(spec, strategies, settings.InitialCapital), (int)taskCount, notes);
    }

    private List<ChunkPayload> Chunk(JobSpec spec, string[] strategies, double capital)
    {
        int size = cluster.Value.ChunkSize;
        var chunks = new List<ChunkPayload>();
        int task = 0;
        foreach (string symbol in spec.Symbols)
        {
            for (int start = 0; start < strategies.Length; start += size)
            {
                var slice = strategies[start..Math.Min(start + size, strategies.Length)];
                chunks.Add(new ChunkPayload(string.Empty, chunks.Count, symbol, spec.From, spec.To, spec.CostBps, capital, task, slice));
                task += slice.Length;
            }
        }

        return chunks;
    }
}
