namespace ClaudBot.Cluster.Results;

/// <summary>
/// A sweep over two parameters of one strategy, seen whole: the median Sharpe across the job's symbols for each pair of
/// values, so a trader sees a plateau rather than one lucky cell. <see cref="Median"/>[y][x] is the cell of
/// <see cref="Ys"/>[y] and <see cref="Xs"/>[x]; null where no backtest of that pair has a finite Sharpe.
/// </summary>
/// <param name="Strategy">The strategy swept, e.g. <c>rsi</c>.</param>
/// <param name="X">The parameter across (the first of the two in the strategy's own order), e.g. <c>period</c>.</param>
/// <param name="Y">The parameter down, e.g. <c>lower</c>.</param>
/// <param name="Symbols">How many symbols each cell's median is over (at most).</param>
public sealed record ParameterSurface(
    string Strategy, string X, string Y, IReadOnlyList<double> Xs, IReadOnlyList<double> Ys, IReadOnlyList<IReadOnlyList<double?>> Median, int Symbols)
{
    /// <summary>What the cells hold: the median of this metric across symbols.</summary>
    public string Metric { get; init; } = "sharpe";
}
