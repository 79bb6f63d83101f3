using ClaudBot.Cluster.Jobs;

namespace ClaudBot.Cluster.Results;

/// <summary>
/// What <see cref="ResultsFileReader"/> takes from a <c>results/job_&lt;id&gt;.json</c> file: its header,
/// the best results by Sharpe, the best result per symbol, and the failed tasks.
/// </summary>
/// <param name="Top">The best results by Sharpe, best first (ties: higher total return, then lower index).</param>
/// <param name="BestBySymbol">The best result of each symbol by the same ranking, one per symbol, best first.</param>
/// <param name="Failures">The first failed tasks in file order (at most <see cref="ResultsFileReader.FailuresKept"/>).</param>
/// <param name="FailuresTotal">Every failed task in the file.</param>
public sealed record ResultsSummary(
    string Id,
    string State,
    JobSpec Spec,
    IReadOnlyList<string> Notes,
    int TasksTotal,
    int TasksDone,
    int TasksFailed,
    ResultsTimings Timings,
    IReadOnlyList<ResultRow> Top,
    IReadOnlyList<ResultRow> BestBySymbol,
    IReadOnlyList<ResultFailure> Failures,
    int FailuresTotal)
{
    /// <summary>The median Sharpe by the two parameters a one-strategy sweep varied; null for any other job.</summary>
    public ParameterSurface? Surface { get; init; }

    /// <summary>
    /// The best results by each metric of <see cref="RankedMetric.All"/> (at most <see cref="ResultRanking.LeadersKept"/> each,
    /// best first; ties by the one ranking); null in summaries stored before they were kept.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ResultRow>>? Leaders { get; init; }

    /// <summary>Each varied parameter's values and how their backtests did; null when no parameter took two values.</summary>
    public IReadOnlyList<ParameterEffect>? Parameters { get; init; }
}
