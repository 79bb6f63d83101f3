using System.Globalization;
using ClaudBot.Bot.Conversations;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Replies;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Targets;
using Microsoft.Extensions.Options;

namespace ClaudBot.Bot.Results;

/// <summary>
/// A finished job's summary: what ran, the ranked table (best Sharpe first), the best result per symbol,
/// failures, and the equity chart of the top results against buy-and-hold. The node ranks and stores the summary
/// when the job finishes, so a 100 MB sweep costs the bot only the rows it shows.
/// </summary>
public sealed class JobSummaryBuilder(IClusterTarget target, NodeApiClient nodeApi, EquityChartMaker charts, WalkForwardSummaryBuilder walkForwards, IOptions<BotOptions> options)
{
    /// <param name="rankBy">A metric of <see cref="RankedMetric.All"/> to rank the table by instead of Sharpe; null for Sharpe.</param>
    /// <param name="top">Rows of the ranked table (a schedule's "send me the top 5"); null for <see cref="BotOptions.TopResults"/>.</param>
    public async Task<Reply> BuildAsync(JobStatus job, CancellationToken cancellationToken, string? rankBy = null, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State == JobState.Cancelled && job.ResultsFile is null)
        {
            return Reply.Text($"Job {job.Id} was cancelled before any results were written.", ReplyTone.Warning);
        }

        // A walk-forward's answer is its picks traded out-of-sample, not the in-sample table (that is in its results file).
        if (job.Spec.WalkForward is not null && job.State != JobState.Cancelled && rankBy is null)
        {
            return await walkForwards.BuildAsync(job, cancellationToken).ConfigureAwait(false);
        }

        var summary = await SummaryAsync(job, top ?? options.Value.TopResults, cancellationToken).ConfigureAwait(false);

        // A portfolio job's rows are whole portfolios (a lane per positions count, not a symbol): its picture is the best
        // setting's own report, not per-symbol equity curves.
        bool portfolio = job.Spec.Portfolio is not null;

        var parts = new List<ReplyPart>
        {
            new TextPart(Headline(job, summary), job.State == JobState.Completed ? ReplyTone.Success : ReplyTone.Warning),
        };
        if (summary.Top.Count > 0)
        {
            parts.AddRange(RankedTables(summary, rankBy));
            if (ResultTables.SkippedEntriesNote(summary.Top) is { } skipped)
            {
                parts.Add(new TextPart(skipped, ReplyTone.Warning));
            }

            if (summary.BestBySymbol.Count > 1)
            {
                parts.Add(portfolio ? ResultTables.BestBySymbol(summary.BestBySymbol, "Best per positions count", "Positions") : ResultTables.BestBySymbol(summary.BestBySymbol));
            }

            if (Verdict.Of(summary) is { } verdict)
            {
                parts.Add(new TextPart(verdict, ReplyTone.Info));
            }
        }

        if (summary.FailuresTotal > 0)
        {
            parts.Add(new TextPart(FailureLine.Of(summary), ReplyTone.Warning));
        }

        if (portfolio && summary.Top.Count > 0)
        {
            parts.AddRange(await BestPortfolioAsync(job, cancellationToken).ConfigureAwait(false));
        }
        else if (summary.Top.Count > 0 && await charts.TryRenderAsync(job, summary.Top, cancellationToken).ConfigureAwait(false) is { } png)
        {
            parts.Add(new ImagePart($"job_{job.Id}_equity.png", png, $"Job {job.Id}: equity of the top {Math.Min(options.Value.ChartResults, summary.Top.Count)} against buy-and-hold"));
        }

        // A sweep over two parameters of one strategy: the whole grid at a glance, so a plateau shows, or a lucky cell.
        if (summary.Surface is { } surface)
        {
            parts.Add(new ImagePart($"job_{job.Id}_heatmap.png", SurfaceChart.RenderPng(surface, portfolio), SurfaceChart.Title(surface, portfolio)));
        }

        if (summary.Parameters is { } effects)
        {
            parts.AddRange(ParameterEffectTables.Of(effects));
        }

        parts.Add(new TextPart($"Full results (every backtest's metrics): type 'json of job {job.Id}'."));
        return new Reply(parts) { Succeeded = job.State != JobState.Cancelled };
    }

    // The best setting run again by the node (curves and trades are not kept per row); without the node's API, said why.
    private async Task<IReadOnlyList<ReplyPart>> BestPortfolioAsync(JobStatus job, CancellationToken cancellationToken)
    {
        try
        {
            var view = await nodeApi.PortfolioJobAsync(job.Id, cancellationToken).ConfigureAwait(false);
            return [new TextPart($"The best setting in full: {view.Strategy} with at most {PortfolioJobSettings.LaneLabel(view.MaxPositions)}.", ReplyTone.Info), .. PortfolioSummary.Of(view).Parts];
        }
        catch (Exception unavailable) when (unavailable is NodeApiUnavailableException or ClusterTargetException)
        {
            return [new TextPart($"The best setting's curve and trades were not made: {unavailable.Message}", ReplyTone.Warning)];
        }
    }

    // By Sharpe (the one ranking), or by the metric asked for from the leaders the summary keeps for each metric.
    private static IEnumerable<ReplyPart> RankedTables(ResultsSummary summary, string? rankBy)
    {
        var metric = rankBy is null ? null : RankedMetric.Find(rankBy);
        if (metric is null || metric.Name == "sharpe")
        {
            yield return ResultTables.Ranked($"Top {summary.Top.Count} by Sharpe", summary.Top);
            yield break;
        }

        if (summary.Leaders is null)
        {
            yield return new TextPart($"This job's summary was stored before results were kept by {metric.Name}; showing them by Sharpe.", ReplyTone.Warning);
            yield return ResultTables.Ranked($"Top {summary.Top.Count} by Sharpe", summary.Top);
            yield break;
        }

        var rows = summary.Leaders.GetValueOrDefault(metric.Name) ?? [];
        if (rows.Count == 0)
        {
            yield return new TextPart($"This job's summary keeps no results by {metric.Name} (none has a figure, or the job ended before {metric.Name} was ranked); showing them by Sharpe.", ReplyTone.Warning);
            yield return ResultTables.Ranked($"Top {summary.Top.Count} by Sharpe", summary.Top);
            yield break;
        }

        rows = [.. rows.Take(summary.Top.Count)];
        string order = metric.HigherIsBetter ? "highest first" : "lowest first";
        yield return ResultTables.Ranked($"Top {rows.Count} by {metric.Name} ({order}; ties by Sharpe)", rows, metric);
    }

    /// <summary>
    /// The node's stored summary with the best <paramref name="top"/> rows by the one ranking (a few KB whatever the job's
    /// size); the results file only when the node's API is away.
    /// </summary>
    public async Task<ResultsSummary> SummaryAsync(JobStatus job, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            return await nodeApi.SummaryAsync(job.Id, top, cancellationToken).ConfigureAwait(false);
        }
        catch (NodeApiUnavailableException)
        {
            await using var stream = await target.OpenResultsAsync(job, cancellationToken).ConfigureAwait(false);
            return await ResultsFileReader.ReadSummaryAsync(stream, top, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One line on how the job went and what it ran. The dates are those of the bars used: the best row of each
    /// symbol has that symbol's dates (every strategy on a symbol runs on the same bars), so together they span the job.
    /// </summary>
    internal static string Headline(JobStatus job, ResultsSummary summary)
    {
        string outcome = job.State switch
        {
            JobState.Completed => "completed",
            JobState.CompletedWithErrors => "completed with errors",
            _ => "was cancelled",
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Job {job.Id} {outcome} in {JobText.DurationSeconds(summary.Timings.TotalSeconds)}: {summary.TasksDone:N0} of {summary.TasksTotal:N0} backtests done{(summary.TasksFailed > 0 ? $", {summary.TasksFailed:N0} failed" : string.Empty)}. {JobText.Request(summary.Spec, RunDates.Of(summary.BestBySymbol))}.");
    }
}
