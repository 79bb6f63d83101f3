using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>a &lt; b (or &lt;=, &gt;, &gt;=, ==) on every bar; false where either side is undefined.</summary>
internal sealed class CompareNode(Comparison op, ExpressionNode left, ExpressionNode right) : ConditionNode
{
    public override long[] Evaluate(RuleWorkspace workspace)
    {
        var a = left.Evaluate(workspace);
        var b = right.Evaluate(workspace);
        int count = workspace.Count;
        int from = Math.Min(Math.Max(a.Lag, b.Lag), count);
        var mask = workspace.RentMask();
        mask.AsSpan(0, from).Clear();
        SpanMath.Compare(op, a.Slice(from, count), b.Slice(from, count), mask.AsSpan(from, count - from));
        return mask;
    }
}
