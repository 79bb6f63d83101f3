using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// <c>a crosses above b</c>: a &gt; b now and a &lt;= b on the bar before (below mirrors it). Both comparisons are false
/// on undefined values, so a cross needs all four values defined; never on the first bar.
/// </summary>
internal sealed class CrossNode(bool above, ExpressionNode left, ExpressionNode right) : ConditionNode
{
    private readonly CompareNode _now = new(above ? Comparison.Greater : Comparison.Less, left, right);
    private readonly CompareNode _before = new(above ? Comparison.LessOrEqual : Comparison.GreaterOrEqual, left, right);

    public override long[] Evaluate(RuleWorkspace workspace)
    {
        int count = workspace.Count;
        var now = _now.Evaluate(workspace);
        var before = _before.Evaluate(workspace);
        var mask = workspace.RentMask();
        if (count > 0)
        {
            mask[0] = 0;
            SpanMath.And(now.AsSpan(1, count - 1), before.AsSpan(0, count - 1), mask.AsSpan(1, count - 1));
        }

        return mask;
    }
}
