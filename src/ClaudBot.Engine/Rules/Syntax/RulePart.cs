namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>
/// What the parser has read so far at one level: a condition or an expression (a parenthesis may hold either, so the
/// parser learns which only after reading it), and the 0-based span of the text it came from, for messages.
/// </summary>
internal readonly record struct RulePart(Condition? Condition, Expression? Expression, int Start, int End)
{
    public static RulePart Of(Condition condition, int start, int end) => new(condition, null, start, end);

    public static RulePart Of(Expression expression, int start, int end) => new(null, expression, start, end);

    /// <summary>A price field, an indicator, or one of them lagged: what a lag or an indicator's source may read.</summary>
    public bool IsSeries => Expression is PriceExpression or IndicatorExpression or LagExpression;
}
