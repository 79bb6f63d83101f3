using System.Text;
using ClaudBot.Engine.Strategies;

namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>
/// Writes a rule tree back as canonical text (the inverse of <see cref="RuleParser"/>): lower case, single spaces,
/// symbols for comparisons, parentheses only where precedence needs them, close left out as an indicator's source.
/// </summary>
internal static class RuleFormatter
{
    public static string Format(RuleSyntax syntax, IReadOnlyList<double> values) =>
        Write(syntax, slot => ParameterDefinition.Format(values[slot]));

    public static string FormatTemplate(RuleSyntax syntax, IReadOnlyList<RuleSlot> slots) =>
        Write(syntax, slot => string.Join('|', slots[slot].Values.Select(ParameterDefinition.Format)));

    private static string Write(RuleSyntax syntax, Func<int, string> slot)
    {
        var writer = new Writer(new StringBuilder(), slot);
        if (syntax.Form == RuleForm.HoldWhile)
        {
            writer.Text.Append("hold while ");
            writer.Condition(syntax.Entry);
        }
        else
        {
            writer.Text.Append("buy when ");
            writer.Condition(syntax.Entry);
            writer.Text.Append(", sell when ");
            writer.Condition(syntax.Exit!);
        }

        foreach (string exit in Simulation.ExitRules.Names)
        {
            if (syntax.Exits[exit] is { } index)
            {
                writer.Text.Append(", ").Append(exit).Append(' ').Append(slot(index)).Append('%');
            }
        }

        return writer.Text.ToString();
    }

    private readonly record struct Writer(StringBuilder Text, Func<int, string> Slot)
    {
        // Binding strength: or 1, and 2, not 3, a comparison 4; + - 1, * / 2, unary minus 3, the rest 4.
        private static int Strength(Condition condition) => condition switch
        {
            OrCondition => 1,
            AndCondition => 2,
            NotCondition => 3,
            _ => 4,
        };

        private static int Strength(Expression expression) => expression switch
        {
            ArithmeticExpression { Operator: ArithmeticOperator.Add or ArithmeticOperator.Subtract } => 1,
            ArithmeticExpression => 2,
            NegateExpression => 3,
            _ => 4,
        };

        public void Condition(Condition condition)
        {
            switch (condition)
            {
                case OrCondition or:
                    Binary(or.Left, " or ", or.Right, 1);
                    break;
                case AndCondition and:
                    Binary(and.Left, " and ", and.Right, 2);
                    break;
                case NotCondition not:
                    Text.Append("not ");
                    Grouped(not.Operand, Strength(not.Operand) < 3);
                    break;
                case CompareCondition compare:
                    Expression(compare.Left);
                    Text.Append(compare.Operator switch
                    {
                        Comparison.Less => " < ",
                        Comparison.LessOrEqual => " <= ",
                        Comparison.Greater => " > ",
                        Comparison.GreaterOrEqual => " >= ",
                        _ => " == ",
                    });
                    Expression(compare.Right);
                    break;
                case CrossCondition cross:
                    Expression(cross.Left);
                    Text.Append(cross.Above ? " crosses above " : " crosses below ");
                    Expression(cross.Right);
                    break;
            }
        }

        public void Expression(Expression expression)
        {
            switch (expression)
            {
                case NumberExpression number:
                    Text.Append(Slot(number.Slot));
                    break;
                case PriceExpression price:
                    Text.Append(price.Field.ToString().ToLowerInvariant());
                    break;
                case IndicatorExpression indicator:
                    Indicator(indicator);
                    break;
                case LagExpression lag:
                    Grouped(lag.Series, Strength(lag.Series) < 4 || lag.Series is NumberExpression);
                    Text.Append('[').Append(Slot(lag.BarsSlot)).Append(']');
                    break;
                case ArithmeticExpression arithmetic:
                    int strength = Strength(arithmetic);
                    Grouped(arithmetic.Left, Strength(arithmetic.Left) < strength);
                    Text.Append(arithmetic.Operator switch
                    {
                        ArithmeticOperator.Add => " + ",
                        ArithmeticOperator.Subtract => " - ",
                        ArithmeticOperator.Multiply => " * ",
                        _ => " / ",
                    });
                    Grouped(arithmetic.Right, Strength(arithmetic.Right) <= strength);
                    break;
                case NegateExpression negate:
                    // A number right after '-' would read back as one negative number, not a negation of it.
                    Text.Append('-');
                    Grouped(negate.Operand, Strength(negate.Operand) <= 3 || negate.Operand is NumberExpression);
                    break;
            }
        }

        private void Indicator(IndicatorExpression indicator)
        {
            Text.Append(IndicatorSignature.Of(indicator.Kind).Name).Append('(');
            for (int i = 0; i < indicator.Arguments.Count; i++)
            {
                Text.Append(i > 0 ? ", " : string.Empty).Append(Slot(indicator.Arguments[i]));
            }

            if (indicator.Source is not null)
            {
                Text.Append(", ");
                Expression(indicator.Source);
            }

            Text.Append(')');
        }

        private void Binary(Condition left, string word, Condition right, int strength)
        {
            Grouped(left, Strength(left) < strength);
            Text.Append(word);
            Grouped(right, Strength(right) <= strength);
        }

        private void Grouped(Condition condition, bool parenthesise)
        {
            Text.Append(parenthesise ? "(" : string.Empty);
            Condition(condition);
            Text.Append(parenthesise ? ")" : string.Empty);
        }

        private void Grouped(Expression expression, bool parenthesise)
        {
            Text.Append(parenthesise ? "(" : string.Empty);
            Expression(expression);
            Text.Append(parenthesise ? ")" : string.Empty);
        }
    }
}
