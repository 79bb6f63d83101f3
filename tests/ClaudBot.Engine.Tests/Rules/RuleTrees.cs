using ClaudBot.Engine.Rules;
using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Tests.Rules;

/// <summary>Short builders for expected rule trees, so a test can state a whole tree on a line or two.</summary>
internal static class RuleTrees
{
    public static readonly Expression Open = new PriceExpression(PriceField.Open);
    public static readonly Expression High = new PriceExpression(PriceField.High);
    public static readonly Expression Low = new PriceExpression(PriceField.Low);
    public static readonly Expression Close = new PriceExpression(PriceField.Close);
    public static readonly Expression Volume = new PriceExpression(PriceField.Volume);

    public static Expression N(int slot) => new NumberExpression(slot);

    public static Expression Ind(IndicatorKind kind, params int[] slots) => new IndicatorExpression(kind, slots, null);

    public static Expression IndOf(IndicatorKind kind, Expression source, params int[] slots) => new IndicatorExpression(kind, slots, source);

    public static Expression Lag(Expression series, int slot) => new LagExpression(series, slot);

    public static Expression Add(Expression a, Expression b) => new ArithmeticExpression(a, ArithmeticOperator.Add, b);

    public static Expression Sub(Expression a, Expression b) => new ArithmeticExpression(a, ArithmeticOperator.Subtract, b);

    public static Expression Mul(Expression a, Expression b) => new ArithmeticExpression(a, ArithmeticOperator.Multiply, b);

    public static Expression Div(Expression a, Expression b) => new ArithmeticExpression(a, ArithmeticOperator.Divide, b);

    public static Expression Neg(Expression a) => new NegateExpression(a);

    public static Condition Lt(Expression a, Expression b) => new CompareCondition(a, Comparison.Less, b);

    public static Condition Le(Expression a, Expression b) => new CompareCondition(a, Comparison.LessOrEqual, b);

    public static Condition Gt(Expression a, Expression b) => new CompareCondition(a, Comparison.Greater, b);

    public static Condition Ge(Expression a, Expression b) => new CompareCondition(a, Comparison.GreaterOrEqual, b);

    public static Condition Eq(Expression a, Expression b) => new CompareCondition(a, Comparison.Equal, b);

    public static Condition Above(Expression a, Expression b) => new CrossCondition(a, true, b);

    public static Condition Below(Expression a, Expression b) => new CrossCondition(a, false, b);

    public static Condition And(Condition a, Condition b) => new AndCondition(a, b);

    public static Condition Or(Condition a, Condition b) => new OrCondition(a, b);

    public static Condition Not(Condition a) => new NotCondition(a);

    public static RuleSyntax Hold(Condition c) => new(RuleForm.HoldWhile, c, null);

    public static RuleSyntax BuySell(Condition entry, Condition exit) => new(RuleForm.BuySell, entry, exit);

    /// <summary>Each slot as "Kind values@column", values joined by '|', for whole-list comparisons.</summary>
    public static string[] Slots(RuleTemplate template) =>
        [.. template.Slots.Select(s => $"{s.Kind} {string.Join('|', s.Values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))}@{s.Column}")];
}
