using System.Globalization;
using ClaudBot.Bot.NodeApi;
using ClaudBot.Bot.Replies;
using ClaudBot.Charts;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.WalkForward;
using ClaudBot.Targets;

namespace ClaudBot.Bot.Results;

/// <summary>
/// A finished walk-forward job's summary: the settings, the stitched out-of-sample figures per symbol beside the
/// defaults' and buy and hold's, each shown symbol's windows and picks, and the chart of the first symbol's stitched
/// curve against buy and hold with the windows marked. The node makes the report beside the data; a few kilobytes
/// per symbol cross the wire.
/// </summary>
public sealed class WalkForwardSummaryBuilder(NodeApiClient nodeApi)
{
    /// <summary>The symbols whose windows are listed in chat; the dashboard's job page shows every one.</summary>
    public const int SymbolsWithWindows = 3;

    public async Task<Reply> BuildAsync(JobStatus job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        WalkForwardReport report;
        try
        {
            report = await nodeApi.WalkForwardAsync(job.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception unavailable) when (unavailable is NodeApiUnavailableException or ClusterTargetException)
        {
            return Reply.Text($"Job {job.Id}'s walk-forward report could not be read: {unavailable.Message}", ReplyTone.Warning);
        }

        string median = report.MedianEfficiency is { } m ? string.Create(CultureInfo.InvariantCulture, $"; median efficiency {m:0.00}") : string.Empty;
        var parts = new List<ReplyPart>
        {
            new TextPart(string.Create(CultureInfo.InvariantCulture, $"Job {job.Id} walk-forward of {report.Strategies}: {report.Settings.Describe()}, {report.Windows.Count} windows on {report.Symbols.Count} symbol{(report.Symbols.Count == 1 ? string.Empty : "s")}{median}."), job.State == JobState.Completed ? ReplyTone.Success : ReplyTone.Warning),
            WalkForwardTables.Symbols(report),
        };
        foreach (var symbol in report.Symbols.Take(SymbolsWithWindows))
        {
            parts.Add(WalkForwardTables.Windows(symbol));
            parts.Add(new TextPart(WalkForwardTables.Verdict(symbol), ReplyTone.Info));
            parts.AddRange(WalkForwardTables.Notes(symbol).Select(note => new TextPart(note, ReplyTone.Warning)));
        }

        if (report.Symbols.Count > 0)
        {
            var first = report.Symbols[0];
            parts.Add(new ImagePart($"job_{job.Id}_walkforward.png", Chart(report, first), $"{first.Symbol}: stitched out-of-sample equity against buy and hold; dashed lines mark where each window starts"));
        }

        parts.Add(new TextPart(report.Symbols.Count > SymbolsWithWindows
            ? $"Every symbol's windows: the dashboard's page of job {job.Id}."
            : $"The in-sample results of every window: type 'json of job {job.Id}'."));
        return new Reply(parts) { Succeeded = job.State != JobState.Cancelled };
    }

    /// <summary>The stitched curve, the defaults' (when the strategy has them) and buy and hold's, each window's start marked.</summary>
    public static byte[] Chart(WalkForwardReport report, SymbolWalkForward symbol)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(symbol);
        var series = new List<EquitySeries> { new($"walk-forward {symbol.Symbol}", symbol.Dates, symbol.Stitched.Equity) };
        if (symbol.Defaults is { } defaults)
        {
            series.Add(new EquitySeries($"defaults {symbol.DefaultParameters}", symbol.Dates, defaults.Equity));
        }

        series.Add(new EquitySeries($"buy & hold {symbol.Symbol}", symbol.Dates, symbol.BuyHold.Equity) { IsBenchmark = true });
        return EquityChart.RenderPng(new EquityChartRequest($"Job {report.JobId}: {symbol.Symbol} walk-forward, out-of-sample", series)
        {
            Markers = [.. symbol.Windows.Select(w => w.OutFirst)],
        });
    }
}
