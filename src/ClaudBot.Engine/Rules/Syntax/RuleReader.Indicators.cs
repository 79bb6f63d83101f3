namespace ClaudBot.Engine.Rules.Syntax;

/// <summary>Indicator calls: name(numbers[, source]), each checked against the indicator's signature.</summary>
internal sealed partial class RuleReader
{
    private RulePart ReadIndicator(IndicatorSignature signature)
    {
        var name = Current;
        _position++;
        if (!Current.Is("("))
        {
            throw Error(name.Index, $"{signature.Name} needs its arguments: {signature.Name}({signature.Usage}) at column {name.Column}");
        }

        _position++;
        if (Current.Is(")"))
        {
            throw Arity(signature, name, 0);
        }

        // The count is checked first: "got 3" says more than "argument 3 must be a series".
        int total = CountArguments(1);
        if (total < signature.Numbers.Length || total > signature.Numbers.Length + (signature.TakesSource ? 1 : 0))
        {
            throw Arity(signature, name, total);
        }

        Descend(name);
        var numbers = new List<int>();
        Expression? source = null;
        int count = 0;
        while (true)
        {
            count++;
            var argument = Current;
            bool isNumber = argument.Kind == RuleTokenKind.Number || argument.Is("-");
            if (count <= signature.Numbers.Length)
            {
                numbers.Add(isNumber
                    ? ReadValues(signature.Numbers[count - 1])
                    : throw Error(argument.Index, $"argument {count} of {signature.Name}({signature.Usage}) must be a number, not '{Quote(argument)}', at column {argument.Column}"));
            }
            else if (count == signature.Numbers.Length + 1 && signature.TakesSource)
            {
                source = ReadSource(signature, argument, isNumber);
            }
            else
            {
                throw Arity(signature, name, count);
            }

            if (Accept(")"))
            {
                break;
            }

            if (!Accept(","))
            {
                throw Error(Current.Index, $"expected ',' or ')' after '{Quote(Previous)}' at column {Current.Column}");
            }
        }

        _depth--;
        if (count < signature.Numbers.Length)
        {
            throw Arity(signature, name, count);
        }

        var indicator = new IndicatorExpression(signature.Kind, numbers, source);
        return RulePart.Of(Count<Expression>(indicator), name.Index, Previous.End);
    }

    /// <summary>A source is a series: a price field, an indicator, or one of them lagged; close is the default and is not stored.</summary>
    private Expression? ReadSource(IndicatorSignature signature, RuleToken argument, bool isNumber)
    {
        string what = $"the source of {signature.Name} must be a series (a price field, an indicator, or one of them lagged)";
        if (isNumber || argument.Kind != RuleTokenKind.Word)
        {
            throw Error(argument.Index, $"{what}, not '{Quote(argument)}', at column {argument.Column}");
        }

        var source = ReadLagged();
        if (Current.Kind == RuleTokenKind.Symbol && Current.Text is "+" or "-" or "*" or "/")
        {
            throw Error(Current.Index, $"{what}; arithmetic is not allowed there, at column {Current.Column}");
        }

        return source.Expression is PriceExpression { Field: PriceField.Close } ? null : source.Expression;
    }

    /// <summary>Counts the arguments of a call from the current one to its ')', without reading them as numbers or series.</summary>
    private int CountArguments(int counted)
    {
        int depth = 0;
        for (int i = _position; _tokens[i].Kind != RuleTokenKind.End; i++)
        {
            if (_tokens[i].Is("(") || _tokens[i].Is("["))
            {
                depth++;
            }
            else if (_tokens[i].Is(")") || _tokens[i].Is("]"))
            {
                if (depth-- == 0)
                {
                    return counted;
                }
            }
            else if (_tokens[i].Is(",") && depth == 0)
            {
                counted++;
            }
        }

        return counted;
    }

    private Strategies.StrategySpecException Arity(IndicatorSignature signature, RuleToken name, int count) =>
        Error(name.Index, $"{signature.Name} takes {signature.ArgumentCount} ({signature.Usage}), got {count} at column {name.Column}");
}
