using System.Globalization;
using ClaudBot.Engine.Data;
using ClaudBot.Engine.Rules.Evaluation;
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
    private double[] _equityScratch = new double[1024];
    private Trade[] _trades = new Trade[512];
    private int _tradeCount;
    private int _scratchEquityCount;
    private RuleEvaluator? _rules;
    private readonly KernelSeries _series = new();

    /// <summary>Trades of the latest run, by bar index (valid until the next run).</summary>
    public ReadOnlySpan<Trade> LastTrades => _trades.AsSpan(0, _tradeCount);

    /// <summary>
    /// The daily equity of the latest run when it was written to this backtester's own buffer (no curve asked for; valid
    /// until the next run); empty when the caller gave the buffer. What figures over the curve (beta) read without a copy.
    /// </summary>
    public ReadOnlySpan<double> LastEquity => _equityScratch.AsSpan(0, _scratchEquityCount);

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

        // A long-or-flat strategy completes at most one trade per two bars, plus one left open.
        EnsureCapacity(ref _trades, (range.Count / 2) + 1);
        _scratchEquityCount = 0;
        if (equityCurve.IsEmpty)
        {
            EnsureCapacity(ref _equityScratch, range.Count);
            equityCurve = _equityScratch;
            _scratchEquityCount = range.Count;
        }

        return Dispatch(strategy, bars, range.Start, range.End, settings, equityCurve);
    }

    /// <summary>Runs one backtest and returns the full result with dated trades (and the equity curve when asked).</summary>
    public BacktestResult Run(StrategyParameters strategy, BarSeries bars, BarRange range, SimulationSettings settings, bool includeEquity = false)
    {
        double[]? equity = includeEquity ? new double[range.Count] : null;
        var metrics = RunMetrics(strategy, bars, range, settings, equity);
        var trades = new TradeResult[_tradeCount];
        for (int i = 0; i < trades.Length; i++)
        {
            var t = _trades[i];
            trades[i] = new TradeResult(bars.DateAt(t.EntryIndex), t.EntryPrice, bars.DateAt(t.ExitIndex), t.ExitPrice, t.Return, t.IsOpen)
            {
                Fees = t.Fees,
                Shares = t.Shares,
                Reason = t.Reason,
            };
        }

        string[] notes = metrics.SkippedEntries > 0
            ? [string.Create(CultureInfo.InvariantCulture, $"{metrics.SkippedEntries} {(metrics.SkippedEntries == 1 ? "entry was" : "entries were")} skipped: the size bought zero whole shares.")]
            : [];
        return new BacktestResult(strategy, bars.Symbol, range, settings.CostBps, metrics, trades, equity) { Settings = settings, Notes = notes };
    }

    /// <summary>The rule evaluator of this thread's backtests: its series cache is shared by the rules it runs.</summary>
    internal RuleEvaluator Rules => _rules ??= new RuleEvaluator();

    private static void EnsureCapacity<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, buffer.Length * 2)];
        }
    }

    private BacktestMetrics Dispatch(StrategyParameters p, BarSeries bars, int start, int end, SimulationSettings settings, Span<double> equity)
    {
        if (p.Rule is not null)
        {
            var signals = Rules.Signals(p.Rule, bars, start, end);
            return Simulator.Run(new RuleKernel(signals), bars, start, end, settings, p.Exits, equity, _trades, out _tradeCount);
        }

        var close = bars.Close;
        switch (p.Name)
        {
            case "rsi":
                // The averages come from this thread's series of the bars, computed once per period (see KernelSeries).
                var (gain, loss) = _series.Rsi(bars, p.Int(0));
                var rsi = new RsiKernel(gain, loss, p.Int(0), p.Real(1), p.Real(2));
                return Simulator.Run(rsi, bars, start, end, settings, p.Exits, equity, _trades, out _tradeCount);
            case "macd":
                var macd = new MacdKernel(_series.Ema(bars, p.Int(0)), _series.Ema(bars, p.Int(1)), p.Int(2));
                return Simulator.Run(macd, bars, start, end, settings, p.Exits, equity, _trades, out _tradeCount);
            case "momentum":
                var momentum = new MomentumKernel(close, p.Int(0), p.Real(1));
                return Simulator.Run(momentum, bars, start, end, settings, p.Exits, equity, _trades, out _tradeCount);
            case "sma_cross":
                var cross = new SmaCrossKernel(_series.RollingSum(bars, p.Int(0)), _series.RollingSum(bars, p.Int(1)), p.Int(0), p.Int(1));
                return Simulator.Run(cross, bars, start, end, settings, p.Exits, equity, _trades, out _tradeCount);
            case "bollinger":
                var (sums, squares) = _series.BollingerSums(bars, p.Int(0));
                var bollinger = new BollingerKernel(close, sums, squares, p.Int(0), p.Real(1));
                return Simulator.Run(bollinger, bars, start, end, settings, p.Exits, equity, _trades, out _tradeCount);
            case "buy_hold":
                return Simulator.Run(default(BuyHoldKernel), bars, start, end, settings, p.Exits, equity, _trades, out _tradeCount);
            default:
                throw new StrategySpecException($"The engine has no kernel for strategy '{p.Name}'.");
        }
    }
}
