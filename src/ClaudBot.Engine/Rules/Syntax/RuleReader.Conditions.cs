using ClaudBot.Engine.Text;

namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>Conditions: or, and, not, and the comparisons (symbols or words) between two expressions.</summary>
internal sealed partial class RuleReader
{
    private static readonly string[] ComparisonWords = ["is", "above", "below", "less", "greater", "at", "equals", "equal", "crosses", "cross", "crossed"];

    /// <summary>The comparison words a misspelling is matched against (one spelling of each).</summary>
    private static readonly string[] SuggestedWords = ["is", "above", "below", "less", "greater", "equals", "crosses"];

    private RulePart ReadOr()
    {
        var left = ReadAnd();
        while (Current.Is("or"))
        {
            var condition = RequireCondition(left);
            _position++;
            var right = ReadAnd();
            left = RulePart.Of(Count<Condition>(new OrCondition(condition, RequireCondition(right))), left.Start, right.End);
        }

        return left;
    }

    private RulePart ReadAnd()
    {
        var left = ReadNot();

        // "and sell when" ends the buy part rather than joining it.
        while (Current.Is("and") && !_tokens[_position + 1].Is("sell"))
        {
            var condition = RequireCondition(left);
            _position++;
            var right = ReadNot();
            left = RulePart.Of(Count<Condition>(new AndCondition(condition, RequireCondition(right))), left.Start, right.End);
        }

        return left;
    }

    private RulePart ReadNot()
    {
        if (!Current.Is("not"))
        {
            return ReadComparison();
        }

        var not = Current;
        _position++;
        Descend(not);
        var operand = ReadNot();
        _depth--;
        return RulePart.Of(Count<Condition>(new NotCondition(RequireCondition(operand))), not.Index, operand.End);
    }

    private RulePart ReadComparison()
    {
        var left = ReadAdditive();
        if (left.Condition is not null)
        {
            return IsComparisonStart()
                ? throw Error(Current.Index, $"a condition cannot be compared at column {Current.Column}: compare numbers or series, and join conditions with 'and' or 'or'")
                : left;
        }

        var comparison = TryReadComparison();
        if (comparison is null)
        {
            return left;
        }

        var right = ReadAdditive();
        var leftExpression = left.Expression!;
        var rightExpression = RequireExpression(right);
        if (IsComparisonStart())
        {
            throw Error(Current.Index, $"comparisons cannot be chained at column {Current.Column}: write 'a < b and b < c', not 'a < b < c'");
        }

        Condition condition = comparison.Value.Cross is bool above
            ? new CrossCondition(leftExpression, above, rightExpression)
            : new CompareCondition(leftExpression, comparison.Value.Compare, rightExpression);
        return RulePart.Of(Count(condition), left.Start, right.End);
    }

    /// <summary>Reads a comparison operator, written as a symbol or in words; null when none is next.</summary>
    private (Comparison Compare, bool? Cross)? TryReadComparison()
    {
        switch (Current.Text)
        {
            case "<" or "<=" or ">" or ">=" or "==" when Current.Kind == RuleTokenKind.Symbol:
                string symbol = Current.Text;
                _position++;
                return (symbol switch
                {
                    "<" => Comparison.Less,
                    "<=" => Comparison.LessOrEqual,
                    ">" => Comparison.Greater,
                    ">=" => Comparison.GreaterOrEqual,
                    _ => Comparison.Equal,
                }, null);
        }

        if (Current.Kind != RuleTokenKind.Word || Array.IndexOf(ComparisonWords, Current.Text) < 0)
        {
            return null;
        }

        bool afterIs = Accept("is");
        var word = Current;
        if (word.Kind != RuleTokenKind.End)
        {
            _position++;
        }

        return word.Text switch
        {
            "below" => (Comparison.Less, null),
            "above" => (Comparison.Greater, null),
            "less" => Then("than", (Comparison.Less, null)),
            "greater" => Then("than", (Comparison.Greater, null)),
            "at" when Accept("least") => (Comparison.GreaterOrEqual, null),
            "at" when Accept("most") => (Comparison.LessOrEqual, null),
            "equals" => (Comparison.Equal, null),
            "equal" => Then("to", (Comparison.Equal, null)),
            "crosses" or "cross" or "crossed" when !afterIs && Accept("above") => (Comparison.Less, true),
            "crosses" or "cross" or "crossed" when !afterIs && Accept("below") => (Comparison.Less, false),
            "crosses" or "cross" or "crossed" when !afterIs =>
                throw Error(Current.Index, $"expected 'above' or 'below' after '{Quote(word)}' at column {Current.Column}"),
            "at" => throw Error(Current.Index, $"expected 'least' or 'most' after 'at' at column {Current.Column}"),
            _ => throw Error(word.Index, $"expected 'above', 'below', 'less than', 'greater than', 'at least', 'at most' or 'equal to' after 'is' at column {word.Column}"),
        };
    }

    private (Comparison, bool?) Then(string word, (Comparison, bool?) comparison)
    {
        ExpectWord(word);
        return comparison;
    }

    private bool IsComparisonStart() =>
        Current.Kind == RuleTokenKind.Symbol ? Current.Text is "<" or "<=" or ">" or ">=" or "=="
        : Current.Kind == RuleTokenKind.Word && Array.IndexOf(ComparisonWords, Current.Text) >= 0;

    private Condition RequireCondition(RulePart part)
    {
        if (part.Condition is not null)
        {
            return part.Condition;
        }

        string hint = Current.Kind == RuleTokenKind.Word && Similarity.Suggest(Current.Text, SuggestedWords, 1) is [var close]
            ? $": did you mean {close}?"
            : string.Empty;
        throw Error(Current.Index, $"expected a comparison (<, >, crosses above ...) after '{Quote(part)}' at column {Current.Column}{hint}");
    }

    private Expression RequireExpression(RulePart part) =>
        part.Expression ?? throw Error(part.Start, $"a condition cannot be used as a number at column {part.Start + 1}");
}
