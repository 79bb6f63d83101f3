namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>not a: true where a is false, including where a compared an undefined value (<c>not (x &lt; 1)</c> holds in warm-up).</summary>
internal sealed class NotNode(ConditionNode operand) : ConditionNode
{
    public override long[] Evaluate(RuleWorkspace workspace)
    {
        int count = workspace.Count;
        var mask = workspace.RentMask();
        SpanMath.Not(operand.Evaluate(workspace).AsSpan(0, count), mask.AsSpan(0, count));
        return mask;
    }
}
