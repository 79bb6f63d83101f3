namespace ClaudBot.Cluster.Results;

/// <summary>
/// Everything a job's summary keeps, built in one pass as its results stream past, whichever way they come (the driver
/// filing rows, or a JSON results file read back): the ranking (<see cref="ResultRanking"/>, with each metric's leaders),
/// the two-parameter surface, and each parameter's effect.
/// </summary>
internal sealed class SummaryFold(int top)
{
    private readonly ResultRanking _ranking = new(top);
    private readonly ParameterSurfaceBuilder _surface = new();
    private readonly ParameterEffects _effects = new();

    public ParameterEffects Effects => _effects;

    public int FailuresTotal => _ranking.FailuresTotal;

    /// <param name="cells">The result's parameter set's cells in <see cref="Effects"/> when the caller keeps them; null looks them up by text.</param>
    public void Add(scoped in ResultElement element, int[]? cells = null)
    {
        _ranking.Add(element);
        if (element.IsFailure)
        {
            return;
        }

        _surface.Add(element.Strategy, element.Symbol, element.Params, element.Metrics.Sharpe);
        if (cells is null)
        {
            _effects.Add(element.Strategy, element.Params, element.Metrics.Sharpe, element.Metrics.TotalReturn);
        }
        else
        {
            _effects.Add(cells, element.Metrics.Sharpe, element.Metrics.TotalReturn);
        }
    }

    /// <summary>The summary: <paramref name="header"/> with everything kept (call once, at the end).</summary>
    public ResultsSummary Complete(ResultsSummary header) => header with
    {
        Top = _ranking.Top(),
        BestBySymbol = _ranking.BestBySymbol(),
        Failures = _ranking.Failures(),
        FailuresTotal = _ranking.FailuresTotal,
        Surface = _surface.Build(),
        Leaders = _ranking.Leaders(),
        Parameters = _effects.Build() is { Count: > 0 } effects ? effects : null,
    };
}
