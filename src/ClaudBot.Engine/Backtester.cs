using ClaudBot.Engine.Data;
using ClaudBot.Engine.Simulation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Kernels;

namespace ClaudBot.Engine;

/// <summary>
/// Runs strategies over bar series. An instance keeps its scratch buffers between runs, so a worker
/// running thousands of backtests allocates almost nothing per run; it is not thread-safe (use one per thread).
/// </summary>
public sealed class Backtester
{
    private readonly List<Trade> _trades = new(64);

    /// <summary>Trades of the latest run, by bar index (valid until the next run).</summary>
    public IReadOnlyList<Trade> LastTrades => _trades;

    /// <summary>Runs one backtest and returns only its metrics: the hot path for sweeps and benchmarks.</summary>
    public BacktestMetrics RunMetrics(StrategyParameters strategy, BarSeries bars, BarRange range, SimulationSettings settings, Span<double> equityCurve = default)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (range.Start < 0 || range.End >= bars.Count || range.Start > range.End)
        {
            throw new ArgumentOutOfRangeException(nameof(range), "The range must lie within the series.");
        }

        if (!equityCurve.IsEmpty && equityCurve.Length < range.Count)
        {
            throw new ArgumentException("The equity buffer is shorter than the range.", nameof(equityCurve));
        }

        _trades.Clear();
        return Dispatch(strategy, bars, range.Start, range.End, settings, equityCurve);
    }

    /// <summary>Runs one backtest and returns the full result with dated trades (and the equity curve when asked).</summary>
    public BacktestResult Run(StrategyParameters strategy, BarSeries bars, BarRange range, SimulationSettings settings, bool includeEquity = false)
    {
        double[]? equity = includeEquity ? new double[range.Count] : null;
        var metrics = RunMetrics(strategy, bars, range, settings, equity);
        var trades = _trades.Select(t => new TradeResult(
            bars.DateAt(t.EntryIndex), t.EntryPrice, bars.DateAt(t.ExitIndex), t.ExitPrice, t.Return, t.IsOpen)).ToArray();
        return new BacktestResult(strategy, bars.Symbol, range, settings.CostBps, metrics, trades, equity);
    }

    private BacktestMetrics Dispatch(StrategyParameters p, BarSeries bars, int start, int end, SimulationSettings settings, Span<double> equity)
    {
        var close = bars.Close;
        switch (p.Name)
        {
            case "rsi":
                var rsi = new RsiKernel(close, p.Int(0), p.Real(1), p.Real(2));
                return Simulator.Run(ref rsi, bars, start, end, settings, _trades, equity);
            case "macd":
                var macd = new MacdKernel(close, p.Int(0), p.Int(1), p.Int(2));
                return Simulator.Run(ref macd, bars, start, end, settings, _trades, equity);
            case "momentum":
                var momentum = new MomentumKernel(close, p.Int(0), p.Real(1));
                return Simulator.Run(ref momentum, bars, start, end, settings, _trades, equity);
            case "sma_cross":
                var cross = new SmaCrossKernel(close, p.Int(0), p.Int(1));
                return Simulator.Run(ref cross, bars, start, end, settings, _trades, equity);
            case "bollinger":
                var bollinger = new BollingerKernel(close, p.Int(0), p.Real(1));
                return Simulator.Run(ref bollinger, bars, start, end, settings, _trades, equity);
            case "buy_hold":
                var hold = default(BuyHoldKernel);
                return Simulator.Run(ref hold, bars, start, end, settings, _trades, equity);
            default:
                throw new StrategySpecException($"The engine has no kernel for strategy '{p.Name}'.");
        }
    }
}
