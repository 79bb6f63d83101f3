namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>a and b, a or b on every bar.</summary>
internal sealed class LogicNode(bool isAnd, ConditionNode left, ConditionNode right) : ConditionNode
{
    public override long[] Evaluate(RuleWorkspace workspace)
    {
        int count = workspace.Count;
        var a = left.Evaluate(workspace).AsSpan(0, count);
        var b = right.Evaluate(workspace).AsSpan(0, count);
        var mask = workspace.RentMask();
        if (isAnd)
        {
            SpanMath.And(a, b, mask.AsSpan(0, count));
        }
        else
        {
            SpanMath.Or(a, b, mask.AsSpan(0, count));
        }

        return mask;
    }
}
