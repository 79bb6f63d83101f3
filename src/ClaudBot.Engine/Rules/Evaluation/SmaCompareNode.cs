using System.Numerics;
using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// <c>sma(a) op sma(b)</c> over one source, decided as the sma_cross kernel decides it: sumA/a op sumB/b &lt;=&gt;
/// sumA*b op sumB*a (periods are positive), with the kernel's rolling sums. Dividing first can differ in the last bit
/// and flip a decision where the averages tie.
/// </summary>
internal sealed class SmaCompareNode(Comparison op, int left, int right, ExpressionNode source) : ConditionNode
{
    private readonly string _leftKey = IndicatorNode.KeyOf("sum", [left], source);
    private readonly string _rightKey = IndicatorNode.KeyOf("sum", [right], source);

    /// <summary>The cached rolling sums of <paramref name="period"/> values of the source (NaN until the window is full).</summary>
    public static double[] Sums(RuleWorkspace workspace, int period, ExpressionNode source) =>
        Sums(workspace, period, source, IndicatorNode.KeyOf("sum", [period], source));

    public override long[] Evaluate(RuleWorkspace workspace)
    {
        var a = Sums(workspace, left, source, _leftKey);
        var b = Sums(workspace, right, source, _rightKey);
        int count = workspace.Count;
        var mask = workspace.RentMask();
        var leftPeriod = new Vector<double>(left);
        var rightPeriod = new Vector<double>(right);
        int i = 0;
        for (; i <= count - Vector<double>.Count; i += Vector<double>.Count)
        {
            SpanMath.Holds(op, new Vector<double>(a, i) * rightPeriod, new Vector<double>(b, i) * leftPeriod).CopyTo(mask, i);
        }

        for (; i < count; i++)
        {
            mask[i] = SpanMath.Holds(op, a[i] * right, b[i] * left) ? -1L : 0L;
        }

        return mask;
    }

    private static double[] Sums(RuleWorkspace workspace, int period, ExpressionNode source, string key)
    {
        if (!workspace.Cache.TryGet(key, out var sums))
        {
            sums = IndicatorMath.RollingSums(workspace.Cache, IndicatorNode.SourceArray(workspace, source), period);
            workspace.Cache.Add(key, sums);
        }

        return sums;
    }
}
