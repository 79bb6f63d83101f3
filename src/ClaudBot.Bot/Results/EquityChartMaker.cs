using ClaudBot.Backtesting;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.NodeApi;
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
/// again from the job's spec by the node, with the node's data and capital (the engine is deterministic and a
/// run takes microseconds); here only when the node's API is away.
/// </summary>
public sealed partial class EquityChartMaker(NodeApiClient nodeApi, BacktestService backtests, IOptions<BotOptions> options, ILogger<EquityChartMaker> logger)
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
            var series = await FromNodeAsync(job, chosen, cancellationToken).ConfigureAwait(false) ?? await HereAsync(job, chosen, cancellationToken).ConfigureAwait(false);
            return EquityChart.RenderPng(new EquityChartRequest(Title(job, chosen), series));
        }
        catch (Exception error) when (InputErrors.IsInputError(error) || error is ArgumentException or IOException or ClaudBot.Targets.ClusterTargetException)
        {
            LogChartSkipped(logger, job.Id, error.Message);
            return null;
        }
    }

    // Each chosen result's curve from the node, and buy-and-hold of each symbol from the first result on it.
    private async Task<List<EquitySeries>?> FromNodeAsync(JobStatus job, List<ResultRow> chosen, CancellationToken cancellationToken)
    {
        var curves = new List<NodeEquity>();
        try
        {
            foreach (var row in chosen)
            {
                curves.Add(await nodeApi.EquityAsync(job.Id, row.StrategyText, row.Symbol, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (NodeApiUnavailableException)
        {
            return null;
        }

        var series = curves.Select((c, i) => new EquitySeries($"{chosen[i].StrategyText} {c.Symbol}", Days(c.Dates), [.. c.Equity])).ToList();
        foreach (var curve in curves.DistinctBy(c => c.Symbol).Take(MaxSeries - series.Count))
        {
            series.Add(new EquitySeries($"buy & hold {curve.Symbol}", Days(curve.Dates), [.. curve.BuyHold]) { IsBenchmark = true });
        }

        return series;
    }

    private static DateOnly[] Days(IReadOnlyList<string> dates) =>
        [.. dates.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];

    private async Task<List<EquitySeries>> HereAsync(JobStatus job, List<ResultRow> chosen, CancellationToken cancellationToken)
    {
        var series = new List<EquitySeries>();
        foreach (var row in chosen)
        {
            series.Add(await CurveAsync(row.StrategyText, row.Symbol, row, job.Spec, $"{row.StrategyText} {row.Symbol}", benchmark: false, cancellationToken).ConfigureAwait(false));
        }

        foreach (var row in chosen.DistinctBy(r => r.Symbol).Take(MaxSeries - series.Count))
        {
            series.Add(await CurveAsync("buy_hold", row.Symbol, row, job.Spec, $"buy & hold {row.Symbol}", benchmark: true, cancellationToken).ConfigureAwait(false));
        }

        return series;
    }

    /// <summary>The chart's title, with the dates its curves cover (the bars used), not the period asked for.</summary>
    internal static string Title(JobStatus job, IReadOnlyList<ResultRow> drawn)
    {
        var dates = RunDates.Of(drawn) ?? new DateSpan(job.Spec.From, job.Spec.To);
        return $"Job {job.Id}: top {drawn.Count} by Sharpe vs buy & hold ({PeriodParser.Describe(dates)})";
    }

    // With the job's own cost and capital, so the curve is the one the job ran.
    private async Task<EquitySeries> CurveAsync(string strategy, string symbol, ResultRow row, JobSpec spec, string label, bool benchmark, CancellationToken cancellationToken)
    {
        var curve = await backtests.EquityAsync(strategy, symbol, row.From, row.To, spec.CostBps, spec.InitialCapital, spec.Execution(), cancellationToken).ConfigureAwait(false);
        return new EquitySeries(label, curve.Dates, curve.Equity) { IsBenchmark = benchmark };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No equity chart for job {JobId}: {Reason}")]
    private static partial void LogChartSkipped(ILogger logger, string jobId, string reason);
}
