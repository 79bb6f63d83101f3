namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>-a on every bar.</summary>
internal sealed class NegateNode(ExpressionNode operand) : ExpressionNode
{
    public override string Key { get; } = "-" + operand.Key;

    public override SeriesView Evaluate(RuleWorkspace workspace)
    {
        var a = operand.Evaluate(workspace);
        int count = workspace.Count;
        int from = Math.Min(a.Lag, count);
        var result = workspace.RentNumbers();
        result.AsSpan(0, from).Fill(double.NaN);
        SpanMath.Negate(a.Slice(from, count), result.AsSpan(from, count - from));
        return new SeriesView(result, 0);
    }
}
