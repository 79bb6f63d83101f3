using ClaudBot.Engine.Data;
using ClaudBot.Engine.Rules.Evaluation;
using ClaudBot.Engine.Strategies;
using ClaudBot.Engine.Strategies.Kernels;

namespace ClaudBot.Engine.Portfolio;

/// <summary>
/// Whether a strategy wants to be long after each bar's close, from the single engine's own signal kernels (or a rule's
/// signals): indicators warm from the series' first bar, the state flat at the range's first bar and changed only by a
/// Long or Flat signal, exactly as the simulator's loop reads them.
/// </summary>
internal static class DesiredStates
{
    /// <summary>The desired state after every bar of [start, end] (indexes into the series; other bars false).</summary>
    public static bool[] Of(StrategyParameters p, BarSeries bars, int start, int end)
    {
        var states = new bool[bars.Count];
        if (p.Rule is not null)
        {
            var signals = new RuleEvaluator().Signals(p.Rule, bars, start, end);
            return Replay(new RuleKernel(signals), start, end, states);
        }

        // The kernels as Backtester.Dispatch builds them, over series of the same indicator code.
        var series = new KernelSeries();
        var close = bars.Close;
        return p.Name switch
        {
            "rsi" => Replay(Rsi(series, bars, p), start, end, states),
            "macd" => Replay(new MacdKernel(series.Ema(bars, p.Int(0)), series.Ema(bars, p.Int(1)), p.Int(2)), start, end, states),
            "momentum" => Replay(new MomentumKernel(close, p.Int(0), p.Real(1)), start, end, states),
            "sma_cross" => Replay(new SmaCrossKernel(series.RollingSum(bars, p.Int(0)), series.RollingSum(bars, p.Int(1)), p.Int(0), p.Int(1)), start, end, states),
            "bollinger" => Replay(Bollinger(series, bars, p), start, end, states),
            "buy_hold" => Replay(default(BuyHoldKernel), start, end, states),
            _ => throw new StrategySpecException($"The engine has no kernel for strategy '{p.Name}'."),
        };
    }

    private static RsiKernel Rsi(KernelSeries series, BarSeries bars, StrategyParameters p)
    {
        var (gain, loss) = series.Rsi(bars, p.Int(0));
        return new RsiKernel(gain, loss, p.Int(0), p.Real(1), p.Real(2));
    }

    private static BollingerKernel Bollinger(KernelSeries series, BarSeries bars, StrategyParameters p)
    {
        var (sums, squares) = series.BollingerSums(bars, p.Int(0));
        return new BollingerKernel(bars.Close, sums, squares, p.Int(0), p.Real(1));
    }

    private static bool[] Replay<TKernel>(TKernel kernel, int start, int end, bool[] states)
        where TKernel : struct, ISignalKernel
    {
        for (int i = 0; i < start; i++)
        {
            kernel.Next(i);
        }

        bool wantLong = false;
        for (int i = start; i <= end; i++)
        {
            var signal = kernel.Next(i);
            if (signal != Signal.Hold)
            {
                wantLong = signal == Signal.Long;
            }

            states[i] = wantLong;
        }

        return states;
    }
}
