using System.Numerics;
using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// <c>rsi(n) &lt; level</c> (any comparison) decided as the rsi kernel decides it, without the division: with G and L the
/// average gain and loss, RSI = 100*G/(G+L) when L &gt; 0, so RSI op level &lt;=&gt; 100*G op level*(G+L); RSI = 100 when
/// L = 0. Comparing the RSI value instead can differ from the kernel in the last bit and flip a decision at a tie.
/// </summary>
internal sealed class RsiLevelNode(int period, ExpressionNode source, Comparison op, double level) : ConditionNode
{
    private readonly string _gainKey = IndicatorNode.KeyOf("rsi.gain", [period], source);
    private readonly string _lossKey = IndicatorNode.KeyOf("rsi.loss", [period], source);

    /// <summary>The cached average gain and loss of rsi(period) over the source.</summary>
    public static (double[] Gain, double[] Loss) Averages(RuleWorkspace workspace, int period, ExpressionNode source) =>
        Averages(workspace, period, source, IndicatorNode.KeyOf("rsi.gain", [period], source), IndicatorNode.KeyOf("rsi.loss", [period], source));

    public override long[] Evaluate(RuleWorkspace workspace)
    {
        var (gain, loss) = Averages(workspace, period, source, _gainKey, _lossKey);
        int count = workspace.Count;
        var mask = workspace.RentMask();
        long whenNoLoss = SpanMath.Holds(op, 100, level) ? -1L : 0L;
        var hundred = new Vector<double>(100);
        var levels = new Vector<double>(level);
        var noLoss = new Vector<long>(whenNoLoss);
        int i = 0;
        for (; i <= count - Vector<double>.Count; i += Vector<double>.Count)
        {
            var g = new Vector<double>(gain, i);
            var l = new Vector<double>(loss, i);
            var decided = SpanMath.Holds(op, hundred * g, levels * (g + l));
            Vector.ConditionalSelect(Vector.Equals(l, Vector<double>.Zero), noLoss, decided).CopyTo(mask, i);
        }

        for (; i < count; i++)
        {
            double g = gain[i];
            double l = loss[i];
            mask[i] = l == 0 ? whenNoLoss : SpanMath.Holds(op, 100 * g, level * (g + l)) ? -1L : 0L;
        }

        return mask;
    }

    private static (double[] Gain, double[] Loss) Averages(RuleWorkspace workspace, int period, ExpressionNode source, string gainKey, string lossKey)
    {
        if (workspace.Cache.TryGet(gainKey, out var gain) && workspace.Cache.TryGet(lossKey, out var loss))
        {
            return (gain, loss);
        }

        (gain, loss) = IndicatorMath.RsiAverages(workspace.Cache, IndicatorNode.SourceArray(workspace, source), period);
        workspace.Cache.Add(gainKey, gain);
        workspace.Cache.Add(lossKey, loss);
        return (gain, loss);
    }
}
