using ClaudBot.Engine;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Parsing;

namespace ClaudBot.Backtesting.Market;

/// <summary>
/// Sets each result beside the market (<see cref="MarketComparison"/>) for one request or one chunk, whose results share
/// one <see cref="SimulationSettings"/>. The buy-and-hold benchmark and the index's returns are computed once per
/// symbol and range and reused by every grid point. Not thread-safe (one per request or chunk).
/// </summary>
/// <param name="index">The market; null leaves beta and alpha null (no constituent could be read).</param>
public sealed class MarketComparer(EqualWeightIndex? index, SimulationSettings settings)
{
    private static readonly StrategyParameters BuyHold = StrategyParser.Parse("buy_hold").Parameters[0];
    private readonly Dictionary<(string Symbol, int Start, int End), (BacktestMetrics Benchmark, double[]? MarketReturns)> _bySeries = [];

    /// <summary>
    /// <paramref name="result"/> (run with its equity curve, on <paramref name="bars"/>) with <see cref="BacktestResult.Market"/>
    /// set; its equity is dropped unless <paramref name="keepEquity"/>.
    /// </summary>
    /// <param name="backtester">Runs the benchmark when this symbol and range have none yet.</param>
    public BacktestResult Compare(Backtester backtester, BacktestResult result, BarSeries bars, bool keepEquity)
    {
        ArgumentNullException.ThrowIfNull(backtester);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(bars);
        var equity = result.Equity as double[] ?? throw new ArgumentException("The result must carry its equity curve.", nameof(result));
        var (benchmark, marketReturns) = ForSeries(backtester, bars, result.Range);
        var sensitivity = marketReturns is null ? default : MarketSensitivity.FromEquity(equity, marketReturns);
        var market = new MarketComparison(benchmark, result.Metrics.TotalReturn - benchmark.TotalReturn, sensitivity.Beta, sensitivity.Alpha);
        return result with { Market = market, Equity = keepEquity ? result.Equity : null };
    }

    private (BacktestMetrics Benchmark, double[]? MarketReturns) ForSeries(Backtester backtester, BarSeries bars, BarRange range)
    {
        var key = (bars.Symbol, range.Start, range.End);
        if (!_bySeries.TryGetValue(key, out var known))
        {
            var benchmark = backtester.RunMetrics(BuyHold, bars, range, settings);
            var returns = index?.ReturnsOver(bars.Days.AsSpan(range.Start, range.Count));
            known = (benchmark, returns);
            _bySeries[key] = known;
        }

        return known;
    }
}
