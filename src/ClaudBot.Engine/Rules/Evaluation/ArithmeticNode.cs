using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>a + b, a - b, a * b, a / b on every bar (IEEE: x/0 is ±infinity, 0/0 NaN).</summary>
internal sealed class ArithmeticNode(ArithmeticOperator op, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public override string Key { get; } = "(" + left.Key + " " + Symbol(op) + " " + right.Key + ")";

    public override SeriesView Evaluate(RuleWorkspace workspace)
    {
        var a = left.Evaluate(workspace);
        var b = right.Evaluate(workspace);
        int count = workspace.Count;
        int from = Math.Min(Math.Max(a.Lag, b.Lag), count);
        var result = workspace.RentNumbers();
        result.AsSpan(0, from).Fill(double.NaN);
        SpanMath.Arithmetic(op, a.Slice(from, count), b.Slice(from, count), result.AsSpan(from, count - from));
        return new SeriesView(result, 0);
    }

    private static string Symbol(ArithmeticOperator op) => op switch
    {
        ArithmeticOperator.Add => "+",
        ArithmeticOperator.Subtract => "-",
        ArithmeticOperator.Multiply => "*",
        _ => "/",
    };
}
