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
/// <param name="index">The market, whose label each comparison carries; null leaves beta and alpha null (no constituent could be read).</param>
public sealed class MarketComparer(MarketIndex? index, SimulationSettings settings)
{
    private static readonly StrategyParameters BuyHold = StrategyParser.Parse("buy_hold").Parameters[0];
    /// <summary>What beta and alpha are against, as each comparison's <see cref="MarketComparison.Index"/> says; null with no index.</summary>
    public string? IndexLabel => index?.Label;

    private readonly Dictionary<(string Symbol, int Start, int End), (BacktestMetrics Benchmark, double[]? MarketReturns)> _bySeries = [];

    /// <summary>
    /// <paramref name="result"/>, the latest run of <paramref name="backtester"/> on <paramref name="bars"/>, with
    /// <see cref="BacktestResult.Market"/> set. Its daily equity is the result's own curve, or else the backtester's
    /// <see cref="Backtester.LastEquity"/> (read in place: a grid point costs no copy).
    /// </summary>
    /// <param name="backtester">Ran <paramref name="result"/>; runs the benchmark when this symbol and range have none yet.</param>
    public BacktestResult Compare(Backtester backtester, BacktestResult result, BarSeries bars)
    {
        ArgumentNullException.ThrowIfNull(backtester);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(bars);
        var equity = result.Equity is double[] own ? own : backtester.LastEquity;
        if (equity.Length != result.Range.Count)
        {
            throw new ArgumentException("The result must be the backtester's latest run, or carry its equity curve.", nameof(result));
        }

        return result with { Market = Compare(backtester, result.Metrics, equity, bars, result.Range) };
    }

    /// <summary>
    /// The comparison of a run that kept only its metrics (a sweep's), whose daily equity over <paramref name="range"/>
    /// is <paramref name="equity"/> (the backtester's <see cref="Backtester.LastEquity"/>, read in place).
    /// </summary>
    public MarketComparison Compare(Backtester backtester, BacktestMetrics metrics, ReadOnlySpan<double> equity, BarSeries bars, BarRange range)
    {
        ArgumentNullException.ThrowIfNull(backtester);
        ArgumentNullException.ThrowIfNull(bars);
        var (benchmark, marketReturns) = ForSeries(backtester, bars, range);
        var sensitivity = marketReturns is null ? default : MarketSensitivity.FromEquity(equity, marketReturns);
        return new MarketComparison(benchmark, metrics.TotalReturn - benchmark.TotalReturn, sensitivity.Beta, sensitivity.Alpha) { Index = index?.Label };
    }

    private (BacktestMetrics Benchmark, double[]? MarketReturns) ForSeries(Backtester backtester, BarSeries bars, BarRange range)
    {
        var key = (bars.Symbol, range.Start, range.End);
        if (!_bySeries.TryGetValue(key, out var known))
        {
            // A buffer of its own, so the strategy's curve in the backtester's scratch survives for beta.
            var benchmark = backtester.RunMetrics(BuyHold, bars, range, settings, new double[range.Count]);
            var returns = index?.ReturnsOver(bars.Days.AsSpan(range.Start, range.Count));
            known = (benchmark, returns);
            _bySeries[key] = known;
        }

        return known;
    }
}
