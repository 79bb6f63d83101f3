using ClaudBot.Engine.Rules.Syntax;

namespace ClaudBot.Engine.Rules.Evaluation;

/// <summary>
/// Turns a rule's tree, with its values, into nodes that evaluate whole series at once (compiled once per rule, not
/// walked per bar). Three comparisons the built-in kernels make without dividing are compiled to their kernels' forms
/// (<see cref="RsiLevelNode"/>, <see cref="SmaCompareNode"/>, <see cref="BollingerBandNode"/>): the same decisions
/// mathematically, and bit for bit the kernels' decisions, so a built-in written as a rule gives its kernel's numbers.
/// </summary>
internal static class RuleCompiler
{
    /// <summary>What an indicator reads when the rule names no source.</summary>
    private static readonly PriceExpression DefaultSource = new(PriceField.Close);

    public static CompiledRule Compile(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var syntax = rule.Syntax;
        var entry = Condition(syntax.Entry, rule);
        var exit = syntax.Exit is null ? null : Condition(syntax.Exit, rule);
        return new CompiledRule(syntax.Form, entry, exit);
    }

    private static ConditionNode Condition(Condition condition, Rule rule) => condition switch
    {
        AndCondition and => new LogicNode(true, Condition(and.Left, rule), Condition(and.Right, rule)),
        OrCondition or => new LogicNode(false, Condition(or.Left, rule), Condition(or.Right, rule)),
        NotCondition not => new NotNode(Condition(not.Operand, rule)),
        CrossCondition cross => new CrossNode(cross.Above, Expression(cross.Left, rule), Expression(cross.Right, rule)),
        CompareCondition compare => KernelForm(compare, rule)
            ?? KernelForm(new CompareCondition(compare.Right, SpanMath.Mirror(compare.Operator), compare.Left), rule)
            ?? new CompareNode(compare.Operator, Expression(compare.Left, rule), Expression(compare.Right, rule)),
        _ => throw new ArgumentException($"Unknown condition {condition.GetType().Name}.", nameof(condition)),
    };

    /// <summary>The kernel's form of a comparison with the indicator on the left, or null when none applies.</summary>
    private static ConditionNode? KernelForm(CompareCondition compare, Rule rule)
    {
        var op = compare.Operator;
        if (compare.Left is IndicatorExpression { Kind: IndicatorKind.Rsi } rsi && compare.Right is NumberExpression level)
        {
            return new RsiLevelNode(rule.Whole(rsi.Arguments[0]), Source(rsi, rule), op, rule.Value(level.Slot));
        }

        if (compare.Left is IndicatorExpression { Kind: IndicatorKind.Sma } fast && compare.Right is IndicatorExpression { Kind: IndicatorKind.Sma } slow
            && Equals(fast.Source ?? DefaultSource, slow.Source ?? DefaultSource))
        {
            return new SmaCompareNode(op, rule.Whole(fast.Arguments[0]), rule.Whole(slow.Arguments[0]), Source(fast, rule));
        }

        bool strict = op is Comparison.Less or Comparison.Greater;
        if (strict && compare.Right is PriceExpression { Field: PriceField.Close } && compare.Left is IndicatorExpression band)
        {
            // band op close: close is below the band when the band is greater.
            bool below = op == Comparison.Greater;
            switch (band.Kind)
            {
                case IndicatorKind.BbMiddle:
                    return new BollingerBandNode(rule.Whole(band.Arguments[0]), below, null);
                case IndicatorKind.BbLower when below && rule.Value(band.Arguments[1]) >= 0:
                case IndicatorKind.BbUpper when !below && rule.Value(band.Arguments[1]) >= 0:
                    return new BollingerBandNode(rule.Whole(band.Arguments[0]), below, rule.Value(band.Arguments[1]));
            }
        }

        return null;
    }

    private static ExpressionNode Source(IndicatorExpression indicator, Rule rule) =>
        indicator.Source is null ? new PriceNode(PriceField.Close) : Expression(indicator.Source, rule);

    private static ExpressionNode Expression(Expression expression, Rule rule) => expression switch
    {
        NumberExpression number => new ConstantNode(rule.Value(number.Slot)),
        PriceExpression price => new PriceNode(price.Field),
        LagExpression lag => new LagNode(Expression(lag.Series, rule), rule.Whole(lag.BarsSlot)),
        ArithmeticExpression arithmetic => new ArithmeticNode(arithmetic.Operator, Expression(arithmetic.Left, rule), Expression(arithmetic.Right, rule)),
        NegateExpression negate => new NegateNode(Expression(negate.Operand, rule)),
        IndicatorExpression indicator => new IndicatorNode(indicator.Kind, [.. indicator.Arguments.Select(rule.Value)], Source(indicator, rule)),
        _ => throw new ArgumentException($"Unknown expression {expression.GetType().Name}.", nameof(expression)),
    };
}
