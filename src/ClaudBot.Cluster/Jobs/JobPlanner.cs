using ClaudBot.Backtesting;
using ClaudBot.Backtesting.Execution;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Data;
using ClaudBot.MarketData;
using Microsoft.Extensions.Options;

namespace ClaudBot.Cluster.Jobs;

/// <summary>
/// Validates a job completely before anything is queued (strategies, grid size, symbols, dates, cost,
/// data coverage, the memory its results will take) and expands it into tasks grouped in chunks: one lane per chunk (a
/// symbol, a symbol and a walk-forward window, or a portfolio job's positions value), at most <see cref="ClusterOptions.ChunkSize"/> tasks each
/// (a portfolio job's, that over its number of symbols).
/// </summary>
/// <param name="saved">Rules saved under a name in this home, runnable by name (each task then carries the rule's text).</param>
public sealed class JobPlanner(IMarketData marketData, IOptions<ClusterOptions> cluster, IOptions<BacktestOptions> backtest, TimeProvider time, Engine.Strategies.ISavedRules? saved = null)
{
    public async Task<JobPlan> PlanAsync(JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        PreparedRequest prepared;
        try
        {
            // The size check is the one every way of asking shares (the CLI's too); a job keeps its own exception type.
            // A portfolio's size is its own (slots, pct:P, amount:A): the execution's is checked by the portfolio's planning.
            var execution = request.Portfolio is null ? request.Execution : request.Execution is { } asked ? asked with { Size = null } : null;
            prepared = RequestPreparation.Prepare(marketData, backtest.Value, request.Strategies, request.Symbols, request.From, request.To, request.CostBps, maxTasks: cluster.Value.MaxTasks, saved: saved, execution: execution);
        }
        catch (RequestTooLargeException tooLarge)
        {
            throw new JobTooLargeException(tooLarge.Message, tooLarge);
        }

        if (request.WalkForward is not null && request.Portfolio is not null)
        {
            throw new Engine.Portfolio.PortfolioException("A job is a walk-forward or a portfolio, not both: ask for them one at a time.");
        }

        var walkForward = request.WalkForward is { } wanted ? WalkForwardPlanning.Resolve(wanted) : null;
        var windows = walkForward is null ? null : WalkForwardPlanning.Windows(request.From, request.To, walkForward);
        var portfolio = request.Portfolio is { } held ? PortfolioPlanning.Resolve(held, prepared.Settings.InitialCapital, request.Execution?.Size) : null;
        if (portfolio is not null)
        {
            // Checked here, so a symbol outside the universe or a grid is one line now, not every task failing later.
            var own = PortfolioStrategies.Resolve(marketData, portfolio.PerSymbol, [.. prepared.Symbols.Select(s => s.Symbol)], request.Execution?.Exits ?? default, saved);
            portfolio = portfolio with { PerSymbol = own.Count == 0 ? null : own.ToDictionary(p => p.Key, p => p.Value.Text, StringComparer.Ordinal) };
        }

        long taskCount = (long)prepared.Selection.Parameters.Count * (portfolio?.MaxPositions.Count ?? (prepared.Symbols.Count * (windows?.Count ?? 1)));
        if (taskCount > cluster.Value.MaxTasks)
        {
            throw new JobTooLargeException(portfolio is null
                ? WalkForwardPlanning.TooLarge(prepared.Selection.Parameters.Count, prepared.Symbols.Count, windows?.Count ?? 1, cluster.Value.MaxTasks)
                : PortfolioPlanning.TooLarge(prepared.Selection.Parameters.Count, portfolio.MaxPositions.Count, cluster.Value.MaxTasks));
        }

        // Catches a period with no data now, with a clear error, instead of as failed tasks later.
        var ranges = new List<(BarSeries, BarRange)>();
        foreach (var symbol in prepared.Symbols)
        {
            var loaded = await marketData.LoadAsync(symbol.Symbol, cancellationToken: cancellationToken);
            ranges.Add((loaded.Bars, BarRange.Resolve(loaded.Bars, request.From, request.To)));
            if (windows is not null)
            {
                WalkForwardPlanning.CheckCoverage(loaded.Bars, windows);
            }
        }

        // Refused before anything is queued: a job that outgrows the node's memory would stall it for everyone.
        long estimate = JobMemoryEstimate.Of(taskCount, prepared.Selection.Parameters.Count);
        if (JobMemoryEstimate.Refusal(estimate, JobMemoryEstimate.BudgetBytes(cluster.Value), taskCount) is { } refusal)
        {
            throw new JobTooLargeException(refusal);
        }

        // Everything that decides the numbers is recorded with the job, so any result can be reproduced.
        var settings = prepared.Settings;
        var spec = new JobSpec(prepared.Strategies, [.. prepared.Symbols.Select(s => s.Symbol)], request.From, request.To, settings.CostBps, request.SubmittedBy, time.GetUtcNow())
        {
            InitialCapital = settings.InitialCapital,
            DataFingerprint = DataFingerprint.Of(ranges.Select(r => r.Item1)),
            DataFingerprints = Enumerable.Range(0, ranges.Count).ToDictionary(i => prepared.Symbols[i].Symbol, i => DataFingerprint.OfBarsRead(ranges[i].Item1, request.From, request.To), StringComparer.Ordinal),
            EngineVersion = EngineVersion.Current,
            Costs = ExecutionSettings.CostsName(settings),
            CostModel = settings.Costs,
            SlippageBps = settings.SlippageBps,
            Size = SizingText.Format(settings.Sizing),
            WholeShares = settings.WholeShares ?? false,
            WalkForward = walkForward,
            Windows = windows,
            Portfolio = portfolio,
        };
        var strategies = prepared.Selection.Parameters.Select(p => p.ToString()).ToArray();
        var notes = prepared.Notes.Concat(RequestPreparation.ClippingNotes(ranges)).ToList();
        // A portfolio task runs every symbol of the universe, as much work as a backtest per symbol: its chunks hold as
        // many symbols' worth of work as a plain chunk, so a portfolio grid spreads over the slots as a sweep does.
        int chunkSize = portfolio is null ? cluster.Value.ChunkSize : Math.Max(1, cluster.Value.ChunkSize / prepared.Symbols.Count);
        var blocks = strategies.Chunk(chunkSize).ToArray();
        var lanes = portfolio is not null ? PortfolioPlanning.Lanes(spec, portfolio)
            : windows is null ? Lanes(spec)
            : WalkForwardPlanning.Lanes(spec, ranges.Select(r => r.Item1).ToList(), windows);
        return new JobPlan(spec, Chunk(spec, lanes, blocks, settings), (int)taskCount, notes, blocks);
    }

    /// <summary>A plain job's lanes: each symbol over the job's period, checked against the planner's fingerprint of it.</summary>
    private static List<ChunkLane> Lanes(JobSpec spec) =>
        [.. spec.Symbols.Select(symbol => new ChunkLane(symbol, spec.From, spec.To, spec.DataFingerprints?.GetValueOrDefault(symbol)))];

    // Every lane runs the same blocks in the same order: the chunks of one lane share the block arrays.
    private static List<ChunkPayload> Chunk(JobSpec spec, List<ChunkLane> lanes, string[][] blocks, SimulationSettings settings)
    {
        var chunks = new List<ChunkPayload>(lanes.Count * blocks.Length);
        int task = 0;
        for (int lane = 0; lane < lanes.Count; lane++)
        {
            var (symbol, from, to, fingerprint) = lanes[lane];

            // A portfolio job's lane L is its L-th positions count (PortfolioPlanning.Lanes).
            var portfolio = spec.Portfolio is { } asked ? PortfolioPlanning.Chunk(spec, asked, asked.MaxPositions[lane]) : null;
            for (int block = 0; block < blocks.Length; block++)
            {
                var slice = blocks[block];
                chunks.Add(new ChunkPayload(string.Empty, chunks.Count, symbol, from, to, spec.CostBps, settings.InitialCapital, task, slice)
                {
                    ParameterBlock = block,
                    Costs = settings.Costs,
                    SlippageBps = settings.SlippageBps,
                    Size = SizingText.Format(settings.Sizing),
                    WholeShares = settings.WholeShares ?? false,
                    DataFingerprint = fingerprint,
                    Portfolio = portfolio,
                });
                task += slice.Length;
            }
        }

        return chunks;
    }
}
