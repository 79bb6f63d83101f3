using System.Globalization;
using ClaudBot.Backtesting;
using ClaudBot.Cluster.Jobs;
using ClaudBot.Cluster.Results;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Portfolio;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;
using ClaudBot.MarketData;

namespace ClaudBot.Cluster.Portfolio;

/// <summary>
/// The full report (curves, positions, contribution, trades: <see cref="PortfolioView"/>) of one setting of a portfolio
/// job: by default its best by the one ranking, or a strategy and positions the caller names. Results rows keep figures,
/// not curves, and a portfolio run is deterministic and takes milliseconds, so the report is run again from the job's
/// recorded spec when asked, after checking that the node's bars are still the ones the job read.
/// </summary>
public sealed class PortfolioJobReports(IMarketData marketData)
{
    /// <param name="strategy">A parameter set as the results show it; null for the best.</param>
    /// <param name="positions">A positions count the job tried: with no strategy, the best of that count.</param>
    /// <exception cref="PortfolioReportException">Not a portfolio job, no best yet, a setting not of this job, or data changed since.</exception>
    public async Task<PortfolioView> RunAsync(JobStatus job, string? strategy, int? positions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var spec = job.Spec;
        if (spec.Portfolio is not { } portfolio)
        {
            throw new PortfolioReportException($"Job {job.Id} is not a portfolio job; its results are a ranked table ('results of job {job.Id}').");
        }

        if (positions is { } asked && !portfolio.MaxPositions.Contains(asked))
        {
            throw new PortfolioReportException(string.Create(CultureInfo.InvariantCulture, $"Job {job.Id} tried {Counts(portfolio)} positions, not {asked}."));
        }

        // No strategy: the best setting (of the positions count named, if one is). A strategy alone names a setting only
        // where the job tried one count.
        var (text, maxPositions) = strategy is null ? await BestAsync(job, portfolio, positions, cancellationToken).ConfigureAwait(false)
            : positions is { } named ? (strategy, named)
            : portfolio.MaxPositions.Count == 1 ? (strategy, portfolio.MaxPositions[0])
            : throw new PortfolioReportException($"Job {job.Id} tried {Counts(portfolio)} positions: say which one with the strategy.");
        var parameters = Parse(text);
        var bars = new List<BarSeries>(spec.Symbols.Count);
        foreach (string symbol in spec.Symbols)
        {
            var series = (await marketData.LoadAsync(symbol, cancellationToken: cancellationToken).ConfigureAwait(false)).Bars;
            CheckUnchanged(job, series);
            bars.Add(series);
        }

        var rank = PortfolioRanking.Parse(portfolio.Rank);
        var size = PortfolioSizing.Parse(portfolio.Size);
        var own = (portfolio.PerSymbol ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => Parse(p.Value), StringComparer.Ordinal);
        var settings = new PortfolioSettings(bars, spec.From, spec.To, parameters, maxPositions) { PerSymbol = own, Rank = rank, Size = size, Execution = spec.Settings(), Exits = parameters.Exits };
        return PortfolioView.Of(parameters.ToString(), maxPositions, PortfolioSimulator.Run(settings), rank, size, []);
    }

    private static string Counts(PortfolioJobSettings portfolio) => string.Join(", ", portfolio.MaxPositions.Select(n => n.ToString(CultureInfo.InvariantCulture)));

    // The best row of the stored summary names the parameter set and, by its lane, the positions; the best of one lane is
    // that lane's row of the summary's best per symbol (here per lane), ranked by the same rule.
    private static async Task<(string Strategy, int Positions)> BestAsync(JobStatus job, PortfolioJobSettings portfolio, int? positions, CancellationToken cancellationToken)
    {
        if (job.ResultsFile is not { } results || !File.Exists(results))
        {
            throw new PortfolioReportException(job.State.IsTerminal()
                ? $"Job {job.Id} has no results (it was cancelled before any ran, or its files were cleaned up)."
                : $"Job {job.Id} is {job.State.ToName()} ({job.Progress:P0}); its best portfolio is known when it finishes (or name a strategy and positions).");
        }

        var summary = await StoredSummary.ReadAsync(results, 1, cancellationToken).ConfigureAwait(false);
        var best = positions is { } lane
            ? summary.BestBySymbol.FirstOrDefault(row => row.Symbol == PortfolioJobSettings.LaneLabel(lane))
            : summary.Top.Count > 0 ? summary.Top[0] : null;
        if (best is null || portfolio.PositionsOf(best.Symbol) is not int bestPositions)
        {
            throw new PortfolioReportException($"Job {job.Id} has no successful portfolio {(positions is null ? string.Empty : $"with {positions} positions ")}to show; see its failures ('results of job {job.Id}').");
        }

        return (best.StrategyText, bestPositions);
    }

    private static StrategyParameters Parse(string text)
    {
        try
        {
            return StrategyParser.Parse(text).Parameters is [var one] ? one
                : throw new PortfolioReportException($"Name one parameter set of the job, not '{Engine.Text.UserText.Excerpt(text)}'.");
        }
        catch (StrategySpecException invalid)
        {
            throw new PortfolioReportException(invalid.Message, invalid);
        }
    }

    private static void CheckUnchanged(JobStatus job, BarSeries bars)
    {
        if (job.Spec.DataFingerprints?.GetValueOrDefault(bars.Symbol) is not { } planned)
        {
            return;
        }

        string now;
        try
        {
            now = DataFingerprint.OfBarsRead(bars, job.Spec.From, job.Spec.To);
        }
        catch (DateRangeException outside)
        {
            throw new PortfolioReportException($"{bars.Symbol}'s data no longer covers job {job.Id}'s period: {outside.Message}", outside);
        }

        if (now != planned)
        {
            throw new PortfolioReportException($"{bars.Symbol}'s data changed since job {job.Id} ran ({planned}, now {now}): its portfolio would not be the one the job ranked; submit it again.");
        }
    }
}
