using ClaudBot.Backtesting;
using ClaudBot.Bot.Conversations;
using ClaudBot.Charts;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Intents.Slots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Results;

/// <summary>
/// Draws the top results of a job against buy-and-hold of their symbols. Results files keep metrics and
/// trades, not daily equity (that would multiply a sweep's file by ten), so the few curves drawn are run
/// again here from the job's spec: the engine is deterministic and a run takes microseconds.
/// </summary>
public sealed partial class EquityChartMaker(BacktestService backtests, IOptions<BotOptions> options, ILogger<EquityChartMaker> logger)
{
    private const int MaxSeries = 8;

    /// <summary>The PNG, or null when the curves cannot be drawn here (e.g. this machine lacks a symbol's data).</summary>
    public async Task<byte[]?> TryRenderAsync(JobStatus job, IReadOnlyList<ResultRow> top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(top);
        try
        {
            var chosen = top.Take(options.Value.ChartResults).ToList();
            var series = new List<EquitySeries>();
            foreach (var row in chosen)
            {
                series.Add(await CurveAsync(row.StrategyText, row.Symbol, row, job.Spec.CostBps, $"{row.StrategyText} {row.Symbol}", benchmark: false, cancellationToken).ConfigureAwait(false));
            }

            foreach (var row in chosen.DistinctBy(r => r.Symbol).Take(MaxSeries - series.Count))
            {
                series.Add(await CurveAsync("buy_hold", row.Symbol, row, job.Spec.CostBps, $"buy & hold {row.Symbol}", benchmark: true, cancellationToken).ConfigureAwait(false));
            }

            var request = new EquityChartRequest(Title(job, chosen), series);
            return EquityChart.RenderPng(request);
        }
        catch (Exception error) when (InputErrors.IsInputError(error) || error is ArgumentException or IOException)
        {
            LogChartSkipped(logger, job.Id, error.Message);
            return null;
        }
    }

    /// <summary>The chart's title, with the dates its curves cover (the bars used), not the period asked for.</summary>
    internal static string Title(JobStatus job, IReadOnlyList<ResultRow> drawn)
    {
        var dates = RunDates.Of(drawn) ?? new DateSpan(job.Spec.From, job.Spec.To);
        return $"Job {job.Id}: top {drawn.Count} by Sharpe vs buy & hold ({PeriodParser.Describe(dates)})";
    }

    private async Task<EquitySeries> CurveAsync(string strategy, string symbol, ResultRow row, double costBps, string label, bool benchmark, CancellationToken cancellationToken)
    {
        var curve = await backtests.EquityAsync(strategy, symbol, row.From, row.To, costBps, cancellationToken).ConfigureAwait(false);
        return new EquitySeries(label, curve.Dates, curve.Equity) { IsBenchmark = benchmark };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No equity chart for job {JobId}: {Reason}")]
    private static partial void LogChartSkipped(ILogger logger, string jobId, string reason);
}
