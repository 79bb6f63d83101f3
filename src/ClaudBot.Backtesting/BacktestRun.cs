using ClaudBot.Backtesting.Market;
using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Backtesting;

/// <summary>
/// A checked request with its data loaded, whose backtests run one at a time as <see cref="Results"/> is enumerated
/// (strategy by strategy, then symbol by symbol). A caller that writes each result and lets it go runs any grid the
/// task cap allows in the memory of one result: holding 100,000 results with their equity curves took 2.7 GB.
/// </summary>
public sealed class BacktestRun
{
    private readonly IReadOnlyList<StrategyParameters> _parameters;
    private readonly IReadOnlyList<(BarSeries Bars, BarRange Range)> _series;
    private readonly SimulationSettings _settings;
    private readonly bool _includeEquity;
    private readonly MarketIndex? _index;

    internal BacktestRun(
        IReadOnlyList<StrategyParameters> parameters, IReadOnlyList<(BarSeries Bars, BarRange Range)> series, SimulationSettings settings, bool includeEquity, IReadOnlyList<string> notes,
        MarketIndex? index)
    {
        _index = index;
        _parameters = parameters;
        _series = series;
        _settings = settings;
        _includeEquity = includeEquity;
        Notes = notes;
    }

    /// <summary>Things the user should know: aliases followed, ranges clipped to the data, rows skipped, grid combinations dropped.</summary>
    public IReadOnlyList<string> Notes { get; }

    public double CostBps => _settings.CostBps;

    /// <summary>Everything the engine runs with: cost model, slippage, sizing, whole shares, capital.</summary>
    public SimulationSettings Settings => _settings;

    public double InitialCapital => _settings.InitialCapital;

    /// <summary>How many results <see cref="Results"/> yields.</summary>
    public int Count => _parameters.Count * _series.Count;

    /// <summary>
    /// Runs each backtest as it is asked for, set beside the market (<see cref="BacktestResult.Market"/>: the benchmark runs
    /// once per symbol); enumerating twice runs them twice.
    /// </summary>
    public IEnumerable<BacktestResult> Results(CancellationToken cancellationToken)
    {
        var backtester = new Backtester();
        var comparer = new MarketComparer(_index, _settings);
        foreach (var parameters in _parameters)
        {
            foreach (var (bars, range) in _series)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = backtester.Run(parameters, bars, range, _settings, _includeEquity);
                yield return comparer.Compare(backtester, result, bars);
            }
        }
    }
}
